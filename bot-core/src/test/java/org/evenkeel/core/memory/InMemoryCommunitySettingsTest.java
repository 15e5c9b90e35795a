package org.evenkeel.core.memory;

import org.evenkeel.core.port.CommunitySettings;

class InMemoryCommunitySettingsTest extends CommunitySettingsContract {

  private final InMemoryCommunitySettings settings = new InMemoryCommunitySettings();

  @Override
  protected CommunitySettings settings() {
    return settings;
  }

  @Override
  protected CommunitySettings anotherInstance() {
    return settings; // one process: the same memory
  }
}
