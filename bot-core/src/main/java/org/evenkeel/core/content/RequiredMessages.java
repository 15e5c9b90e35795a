package org.evenkeel.core.content;

import java.util.List;

/**
 * Message keys the engine itself uses, outside any flow. The content checker requires every one in
 * the fallback locale, so the engine can always speak.
 */
public final class RequiredMessages {

  public static final String DONE = "common.done";
  public static final String SKIP = "common.skip";
  public static final String STOP = "common.stop";
  public static final String SLOWER = "common.slower";
  public static final String ANSWER = "common.answer";
  public static final String WELCOME = "engine.welcome";
  public static final String FALLBACK = "engine.fallback";
  public static final String APOLOGY = "engine.apology";
  public static final String STALE_BUTTON = "engine.stale_button";
  public static final String UNKNOWN_COMMAND = "engine.unknown_command";
  public static final String TOO_LONG = "engine.too_long";
  public static final String EMPTY = "engine.empty";
  public static final String ONLY_TEXT = "engine.only_text";
  public static final String STOPPED = "engine.stopped";
  public static final String NOTHING_TO_STOP = "engine.nothing_to_stop";
  public static final String PACE_BUSY = "engine.pace_busy";
  public static final String FLOW_UPDATED = "engine.flow_updated";
  public static final String INVALID_CHOICE = "engine.invalid_choice";
  public static final String INVALID_SCALE = "engine.invalid_scale";
  public static final String COMING_SOON = "engine.coming_soon";
  public static final String HELP = "help.text";
  public static final String ADMIN_NOT_ALLOWED = "admin.not_allowed";
  public static final String ADMIN_SERVERS_ONLY = "admin.servers_only";
  public static final String ADMIN_SAVED = "admin.saved";
  public static final String ADMIN_CLEARED = "admin.cleared";
  public static final String ADMIN_UNKNOWN_VALUE = "admin.unknown_value";
  public static final String ADMIN_CURRENT = "admin.current";
  public static final String ADMIN_NOTHING_SET = "admin.nothing_set";
  public static final String ADMIN_UNAVAILABLE = "admin.unavailable";
  public static final String CARD_TITLE = "crisis.card.title";
  public static final String CARD_EMERGENCY = "crisis.card.emergency";
  public static final String CARD_CALL = "crisis.card.call";
  public static final String CARD_TEXT = "crisis.card.text";
  public static final String CARD_CHAT = "crisis.card.chat";
  public static final String CARD_INTERNATIONAL = "crisis.card.international";
  public static final String CARD_NO_COUNTRY = "crisis.card.no_country";
  public static final String CRISIS_REPEAT = "crisis.repeat";
  public static final String JOURNAL_EMPTY = "journal.empty";
  public static final String JOURNAL_HEADER = "journal.header";
  public static final String JOURNAL_ENTRY = "journal.entry";
  public static final String MOOD_EMPTY = "mood.empty";
  public static final String MOOD_HEADER = "mood.header";
  public static final String MOOD_SUMMARY = "mood.summary";
  public static final String MOOD_CHART_CAPTION = "mood.chart_caption";
  public static final String MOOD_AVERAGE = "mood.average";
  public static final String MOOD_LONGER = "mood.longer";
  public static final String MOOD_STREAK = "mood.streak";
  public static final String MOOD_NOTES = "mood.notes";
  public static final String MOOD_LOGGED = "mood.logged";
  public static final String MOOD_LOGGED_LOW = "mood.logged_low";
  public static final String EXPORT_READY = "export.ready";
  public static final String FORGET_DONE = "forget.done";
  public static final String PAUSE_DONE = "pause.done";
  public static final String PAUSE_INDEFINITE = "pause.indefinite";
  public static final String PAUSE_RESUMED = "pause.resumed";
  public static final String PAUSE_INVALID = "pause.invalid";
  public static final String SKIP_DONE = "skip.done";
  public static final String SKIP_DONE_PAUSED = "skip.done_paused";
  public static final String SKIP_NOTHING = "skip.nothing";
  public static final String CHECKIN_FOLLOW_UP = "checkin.follow_up";
  public static final String RETENTION_WARNING = "retention.warning";
  public static final String RETENTION_DELETED = "retention.deleted";

  /** Every key above. */
  public static final List<String> ALL =
      List.of(
          DONE,
          SKIP,
          STOP,
          SLOWER,
          ANSWER,
          WELCOME,
          FALLBACK,
          APOLOGY,
          STALE_BUTTON,
          UNKNOWN_COMMAND,
          TOO_LONG,
          EMPTY,
          ONLY_TEXT,
          STOPPED,
          NOTHING_TO_STOP,
          PACE_BUSY,
          FLOW_UPDATED,
          INVALID_CHOICE,
          INVALID_SCALE,
          COMING_SOON,
          HELP,
          ADMIN_NOT_ALLOWED,
          ADMIN_SERVERS_ONLY,
          ADMIN_SAVED,
          ADMIN_CLEARED,
          ADMIN_UNKNOWN_VALUE,
          ADMIN_CURRENT,
          ADMIN_NOTHING_SET,
          ADMIN_UNAVAILABLE,
          CARD_TITLE,
          CARD_EMERGENCY,
          CARD_CALL,
          CARD_TEXT,
          CARD_CHAT,
          CARD_INTERNATIONAL,
          CARD_NO_COUNTRY,
          CRISIS_REPEAT,
          JOURNAL_EMPTY,
          JOURNAL_HEADER,
          JOURNAL_ENTRY,
          MOOD_EMPTY,
          MOOD_HEADER,
          MOOD_SUMMARY,
          MOOD_CHART_CAPTION,
          MOOD_AVERAGE,
          MOOD_LONGER,
          MOOD_STREAK,
          MOOD_NOTES,
          MOOD_LOGGED,
          MOOD_LOGGED_LOW,
          EXPORT_READY,
          FORGET_DONE,
          PAUSE_DONE,
          PAUSE_INDEFINITE,
          PAUSE_RESUMED,
          PAUSE_INVALID,
          SKIP_DONE,
          SKIP_DONE_PAUSED,
          SKIP_NOTHING,
          CHECKIN_FOLLOW_UP,
          RETENTION_WARNING,
          RETENTION_DELETED);

  /** Flows the engine starts by itself. */
  public static final List<String> FLOWS = List.of("start", "crisis", "sos", "menu");

  private RequiredMessages() {}
}
