package org.evenkeel.core.port;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.evenkeel.core.model.FlowPosition;
import org.evenkeel.core.model.JournalEntry;
import org.evenkeel.core.model.MilestoneCounter;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;

/**
 * Writes a {@link MemberExport} as readable, indented JSON: the file a member gets from /export.
 */
public final class ExportJson {

  private final StringBuilder out = new StringBuilder();
  private int depth;
  private boolean first = true;

  private ExportJson() {}

  /** The export as UTF-8 JSON. */
  public static byte[] render(MemberExport export, Instant exportedAt) {
    ExportJson json = new ExportJson();
    json.open('{');
    json.field("format", "evenkeel-export/1");
    json.field("exported_at", exportedAt.toString());
    json.field("platform", export.member().platform());
    json.field("user_id", export.member().userId());
    export.profile().ifPresentOrElse(json::profile, () -> json.key("profile").raw("null"));
    json.key("journal").open('[');
    export.journal().forEach(json::entry);
    json.close(']');
    json.key("conversations").open('[');
    export.sessions().forEach(json::session);
    json.close(']');
    json.key("timers").open('[');
    export
        .timers()
        .forEach(
            t -> {
              json.item().open('{');
              json.field("name", t.name());
              json.field("due_at", t.dueAt().toString());
              json.close('}');
            });
    json.close(']');
    json.key("milestone_counters").open('[');
    export.counters().forEach(json::counter);
    json.close(']');
    json.close('}');
    return (json.out + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private void profile(Profile p) {
    key("profile").open('{');
    field("first_seen", p.firstSeen().toString());
    field("locale", p.locale());
    field("country", p.country());
    field("time_zone", p.zone().map(Object::toString));
    field("checkin_time", p.checkinTime().map(Object::toString));
    key("consent").raw(Boolean.toString(p.consent()));
    key("checkins_paused").raw(Boolean.toString(p.pause().paused()));
    field("paused_until", p.pause().until().map(Object::toString));
    field("last_checkin", p.lastCheckin().map(Object::toString));
    field(
        "checkin_days",
        p.routine().days().stream()
            .map(d -> d.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.joining(",")));
    field("quiet_hours", p.routine().quiet().map(q -> q.from() + "-" + q.until()));
    field("skipped_date", p.routine().skipped().map(Object::toString));
    field("last_active", p.lastActive().map(Object::toString));
    key("active").raw(Boolean.toString(p.active()));
    close('}');
  }

  private void entry(JournalEntry e) {
    item().open('{');
    field("kind", e.kind().id());
    field("at", e.at().toString());
    e.mood().ifPresent(m -> key("mood").raw(m.toString()));
    field("text", e.text());
    close('}');
  }

  private void counter(MilestoneCounter c) {
    item().open('{');
    field("server", c.scope().isEmpty() ? Optional.empty() : Optional.of(c.scope()));
    field("name", c.name());
    field("run_started_at", c.start().toString());
    key("start_day_counts_as_day_one").raw(Boolean.toString(c.countFromDayOne()));
    key("longest_earlier_run_days").raw(Long.toString(c.longestDays()));
    key("earlier_runs_days").raw(Long.toString(c.pastDays()));
    close('}');
  }

  private void session(Session s) {
    item().open('{');
    field("chat_id", s.address().chatId());
    field("flow", s.flow().map(FlowPosition::flowId));
    field("step", s.flow().map(FlowPosition::stepId));
    key("answers").open('{');
    s.flow().ifPresent(f -> f.vars().forEach(this::field));
    close('}');
    field("last_crisis_card_at", s.lastCrisisCardAt().map(Object::toString));
    close('}');
  }

  private void field(String name, Optional<String> value) {
    if (value.isPresent()) {
      field(name, value.get());
    } else {
      key(name).raw("null");
    }
  }

  private void field(String name, String value) {
    key(name).string(value);
  }

  private ExportJson key(String name) {
    item();
    string(name);
    out.append(": ");
    first = true; // the value follows directly, without a comma
    return this;
  }

  private ExportJson item() {
    if (!first) {
      out.append(',');
    }
    if (depth > 0 && !endsWithColon()) {
      out.append('\n').append("  ".repeat(depth));
    }
    first = false;
    return this;
  }

  private boolean endsWithColon() {
    return out.length() >= 2 && out.charAt(out.length() - 2) == ':';
  }

  private void open(char bracket) {
    out.append(bracket);
    depth++;
    first = true;
  }

  private void close(char bracket) {
    depth--;
    if (!first) {
      out.append('\n').append("  ".repeat(depth));
    }
    out.append(bracket);
    first = false;
  }

  private void raw(String value) {
    out.append(value);
    first = false;
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    first = false;
  }
}
