package org.evenkeel.discord.fake;

import java.util.Optional;

/** An interaction the fake sent the bot: its id and token, who, and in which server if any. */
public record FakeInteraction(String id, String token, FakeUser user, Optional<FakeGuild> guild) {}
