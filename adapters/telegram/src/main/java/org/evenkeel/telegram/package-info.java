/**
 * Telegram for Evenkeel, through the Bot API and the TelegramBots 10 client.
 *
 * <p>The adapter maps Bot API updates (received by long polling or by a webhook) to the core's
 * inbound events and renders the core's replies as Bot API calls: inline keyboards, HTML with every
 * member-supplied string escaped, messages split at Telegram's limits, and a send queue that
 * respects Telegram's rate limits. Its end-to-end tests drive the real TelegramBots client against
 * a fake Bot API server on 127.0.0.1 ({@code org.evenkeel.telegram.fake} in the test sources).
 */
package org.evenkeel.telegram;
