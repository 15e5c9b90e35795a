package org.evenkeel.core.flows;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.evenkeel.core.testing.Conversation;
import org.junit.jupiter.api.Named;

/**
 * Scripts that put an onboarded member somewhere inside each flow, including the points where a
 * timer is pending, for tests that must hold wherever the member is.
 */
final class InsideEveryFlow {

  /** Where the member ends up and how they got there. */
  record Point(String flowId, Consumer<Conversation> script) {}

  private InsideEveryFlow() {}

  static Stream<Named<Point>> points() {
    return Stream.of(
        point("start, at consent", "start", c -> c.say("/start")),
        point(
            "start, at the time zone question",
            "start",
            c -> {
              c.say("/start");
              c.tap(c.message("start.consent.agree"));
              c.tap(c.message("setup.country.gb"));
            }),
        point("ground, at a sense", "ground", c -> c.say("/ground")),
        point(
            "ground, during its pause",
            "ground",
            c -> {
              c.say("/ground");
              c.tap(c.message("common.done"));
            }),
        point("breathe, choosing", "breathe", c -> c.say("/breathe")),
        point(
            "breathe-box, pacing",
            "breathe-box",
            c -> {
              c.say("/breathe");
              c.tap(c.message("breathe.box.label"));
            }),
        point(
            "breathe-478, pacing slower",
            "breathe-478",
            c -> {
              c.say("/breathe");
              c.tap(c.message("breathe.four_seven_eight.label"));
              c.tap(c.message("common.slower"));
            }),
        point(
            "breathe-box, after the rounds",
            "breathe-box",
            c -> {
              c.say("/breathe");
              c.tap(c.message("breathe.box.label"));
              c.waitForPacing();
            }),
        point("gratitude", "gratitude", c -> c.say("/gratitude")),
        point("checkin, at the mood", "checkin", c -> c.say("/checkin")),
        point(
            "checkin, low mood",
            "checkin",
            c -> {
              c.say("/checkin");
              c.tap("2");
              c.tap(c.message("checkin.note.none"));
            }),
        point("menu", "menu", c -> c.say("/menu")),
        point("sos", "sos", c -> c.say("/sos")),
        point("crisis", "crisis", c -> c.say("everyone would be better off without me")),
        point("pause", "pause", c -> c.say("/pause")),
        point("settings", "settings", c -> c.say("/settings")),
        point(
            "settings, typing a country",
            "settings",
            c -> {
              c.say("/settings");
              c.tap(c.message("settings.country"));
              c.tap(c.message("setup.country.other"));
            }),
        point("forget", "forget", c -> c.say("/forget")));
  }

  private static Named<Point> point(String name, String flowId, Consumer<Conversation> script) {
    return Named.of(name, new Point(flowId, script));
  }
}
