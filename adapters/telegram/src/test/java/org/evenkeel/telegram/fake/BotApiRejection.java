package org.evenkeel.telegram.fake;

/**
 * Ends a method handler early with a Bot API error; the dispatcher answers with {@link #answer}. It
 * keeps the handlers' checks in the order Telegram makes them, one line each.
 */
final class BotApiRejection extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient ApiResult answer;

  BotApiRejection(ApiResult answer) {
    super(answer.toString(), null, false, false);
    this.answer = answer;
  }

  static BotApiRejection badRequest(String detail) {
    return new BotApiRejection(ApiResult.badRequest(detail));
  }

  ApiResult answer() {
    return answer;
  }
}
