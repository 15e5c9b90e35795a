package org.evenkeel.discord.fake;

import net.dv8tion.jda.api.utils.data.DataObject;

/** A Discord user of the fake world: a member, or the bot itself. */
public record FakeUser(String id, String name, boolean bot) {

  /** The user object as Discord sends it. */
  DataObject json() {
    return DataObject.empty()
        .put("id", id)
        .put("username", name)
        .put("global_name", name)
        .put("discriminator", "0")
        .put("avatar", null)
        .put("bot", bot)
        .put("public_flags", 0)
        .put("flags", 0);
  }
}
