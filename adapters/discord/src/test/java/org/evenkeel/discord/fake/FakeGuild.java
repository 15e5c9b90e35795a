package org.evenkeel.discord.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A server of the fake world, with one text channel, the {@code @everyone} role (no permissions)
 * and an admin role with Manage Server. Members are given or denied the admin role.
 */
public final class FakeGuild {

  /** Discord's Manage Server permission bit (discord.com/developers/docs/topics/permissions). */
  public static final long MANAGE_GUILD = 1L << 5;

  /** What {@code @everyone} may do here: view channels and send messages. */
  static final long EVERYONE = (1L << 10) | (1L << 11) | (1L << 31);

  private final String id;
  private final String name;
  private final String channelId;
  private final String adminRoleId;
  private final FakeUser owner;
  private final Map<String, Boolean> admins = new ConcurrentHashMap<>();
  private final Map<String, FakeUser> members = new ConcurrentHashMap<>();

  FakeGuild(String id, String name, String channelId, String adminRoleId, FakeUser owner) {
    this.id = id;
    this.name = name;
    this.channelId = channelId;
    this.adminRoleId = adminRoleId;
    this.owner = owner;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The server's one text channel, where slash commands are used. */
  public String channelId() {
    return channelId;
  }

  /** Adds {@code user} as a member, with Manage Server when {@code admin}. */
  public FakeGuild member(FakeUser user, boolean admin) {
    members.put(user.id(), user);
    admins.put(user.id(), admin);
    return this;
  }

  boolean isAdmin(FakeUser user) {
    return admins.getOrDefault(user.id(), false);
  }

  /** The member object of {@code user}, as an interaction carries it. */
  DataObject memberJson(FakeUser user) {
    DataArray roles = DataArray.empty();
    long permissions = EVERYONE;
    if (isAdmin(user)) {
      roles.add(adminRoleId);
      permissions |= MANAGE_GUILD;
    }
    return DataObject.empty()
        .put("user", user.json())
        .put("roles", roles)
        .put("joined_at", "2026-01-01T00:00:00.000000+00:00")
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false)
        .put("nick", null)
        .put("avatar", null)
        .put("permissions", Long.toString(permissions));
  }

  DataObject channelJson() {
    return DataObject.empty()
        .put("id", channelId)
        .put("type", 0)
        .put("guild_id", id)
        .put("name", "general")
        .put("position", 0)
        .put("permission_overwrites", DataArray.empty())
        .put("nsfw", false)
        .put("parent_id", null)
        .put("topic", null)
        .put("last_message_id", null)
        .put("rate_limit_per_user", 0)
        .put("flags", 0);
  }

  /** GUILD_CREATE's payload: the server, its channel, roles and the bot as a member. */
  DataObject createJson(FakeUser bot) {
    DataArray memberArray = DataArray.empty().add(memberJson(bot));
    members.values().forEach(m -> memberArray.add(memberJson(m)));
    return DataObject.empty()
        .put("id", id)
        .put("name", name)
        .put("icon", null)
        .put("owner_id", owner.id())
        .put("preferred_locale", "en-US")
        .put("afk_timeout", 300)
        .put("verification_level", 0)
        .put("default_message_notifications", 0)
        .put("explicit_content_filter", 0)
        .put("mfa_level", 0)
        .put("nsfw_level", 0)
        .put("premium_tier", 0)
        .put("premium_progress_bar_enabled", false)
        .put("features", DataArray.empty())
        .put(
            "roles",
            DataArray.empty()
                .add(role(id, "@everyone", EVERYONE, 0))
                .add(role(adminRoleId, "admins", MANAGE_GUILD | EVERYONE, 1)))
        .put("emojis", DataArray.empty())
        .put("stickers", DataArray.empty())
        .put("channels", DataArray.empty().add(channelJson()))
        .put("threads", DataArray.empty())
        .put("guild_scheduled_events", DataArray.empty())
        .put("stage_instances", DataArray.empty())
        .put("voice_states", DataArray.empty())
        .put("presences", DataArray.empty())
        .put("members", memberArray)
        .put("member_count", memberArray.length())
        .put("large", false)
        .put("unavailable", false)
        .put("joined_at", "2026-01-01T00:00:00.000000+00:00");
  }

  /** The partial server object an interaction carries. */
  DataObject partialJson() {
    return DataObject.empty()
        .put("id", id)
        .put("locale", "en-US")
        .put("features", DataArray.empty());
  }

  private static DataObject role(String id, String name, long permissions, int position) {
    return DataObject.empty()
        .put("id", id)
        .put("name", name)
        .put("color", 0)
        .put("colors", DataObject.empty().put("primary_color", 0))
        .put("hoist", false)
        .put("position", position)
        .put("permissions", Long.toString(permissions))
        .put("managed", false)
        .put("mentionable", false)
        .put("flags", 0);
  }
}
