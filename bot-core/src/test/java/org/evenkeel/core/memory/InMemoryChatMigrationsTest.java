package org.evenkeel.core.memory;

import org.evenkeel.core.port.ChatMigrations;

class InMemoryChatMigrationsTest extends ChatMigrationsContract {

  private final InMemoryChatMigrations migrations = new InMemoryChatMigrations();

  @Override
  protected ChatMigrations migrations() {
    return migrations;
  }

  @Override
  protected ChatMigrations anotherInstance() {
    return migrations; // one process: the same memory
  }
}
