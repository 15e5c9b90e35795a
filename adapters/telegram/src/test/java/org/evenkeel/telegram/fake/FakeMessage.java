package org.evenkeel.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A message as it stands in the fake's chat after sends, edits and deletions, so a test can check
 * what a member would see now rather than the calls that got it there.
 *
 * @param text the text (or a document's caption) as the bot sent it, markup included
 * @param replyMarkup the inline keyboard shown under it, if any
 * @param edits how many times it was edited
 */
public record FakeMessage(
    long chatId,
    int messageId,
    boolean fromBot,
    String text,
    Optional<String> parseMode,
    Optional<JsonNode> replyMarkup,
    int edits,
    boolean deleted) {}
