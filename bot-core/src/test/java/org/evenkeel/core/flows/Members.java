package org.evenkeel.core.flows;

import org.evenkeel.core.chart.MoodChart;
import org.evenkeel.core.testing.Conversation;

/** Members at the points the scripts start from. */
final class Members {

  private Members() {}

  /** Someone who has never written to the bot. */
  static Conversation newMember() {
    return Conversation.withRealContent();
  }

  /** A member who went through /start: United Kingdom, London, morning check-ins. */
  static Conversation onboarded() {
    return onboarded(MoodChart.Renderer.NONE);
  }

  /** As {@link #onboarded()}, with mood charts drawn by {@code charts}. */
  static Conversation onboarded(MoodChart.Renderer charts) {
    Conversation chat = Conversation.withRealContent(charts);
    chat.say("/start");
    chat.tap(chat.message("start.consent.agree"));
    chat.tap(chat.message("setup.country.gb"));
    chat.say("London");
    chat.tap(chat.message("setup.time.morning"));
    return chat;
  }
}
