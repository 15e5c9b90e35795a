package org.evenkeel.core.flows;

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
    Conversation chat = Conversation.withRealContent();
    chat.say("/start");
    chat.tap(chat.message("start.consent.agree"));
    chat.tap(chat.message("setup.country.gb"));
    chat.say("London");
    chat.tap(chat.message("setup.time.morning"));
    return chat;
  }
}
