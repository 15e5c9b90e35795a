package org.evenkeel.bench.telegram;

/**
 * Every member has exactly one message outstanding: all send at the start, and each sends its next
 * message the moment the reply it waited for arrives (on the fake's thread that received it).
 */
final class ClosedLoopDriver implements LoadDriver {

  private final Members members;
  private final UpdateFeed feed;
  private final int limit;
  private volatile boolean running;

  /** Each member sends at most {@code limit} messages (0: until stopped). */
  ClosedLoopDriver(Members members, UpdateFeed feed, int limit) {
    this.members = members;
    this.feed = feed;
    this.limit = limit;
  }

  @Override
  public void start() {
    running = true;
    members.all().forEach(this::ready);
  }

  @Override
  public void ready(TelegramMember member) {
    if (running) {
      LoadDriver.send(member, feed, limit);
    }
  }

  @Override
  public void stop() {
    running = false;
  }
}
