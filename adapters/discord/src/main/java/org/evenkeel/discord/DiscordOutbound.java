package org.evenkeel.discord;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.evenkeel.core.effect.EditMessage;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.effect.SendFile;
import org.evenkeel.core.effect.SendMessage;
import org.evenkeel.core.effect.ShowTyping;
import org.evenkeel.core.model.ConversationAddress;
import org.evenkeel.core.port.Lane;
import org.evenkeel.core.port.MemberUnreachableException;
import org.evenkeel.core.port.MessageRefs;
import org.evenkeel.core.port.Outbound;
import org.evenkeel.core.port.RateLimits;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a turn's effects to a member on Discord, in order, rendered by {@link DiscordRenderer}.
 *
 * <ul>
 *   <li><b>Where.</b> While the conversation's interaction is live ({@link Interactions}), answers
 *       go through it: the first one completes the deferred "thinking…" reply, in a server every
 *       one is ephemeral (only the member sees it). Without a live interaction a DM conversation is
 *       answered in the DM channel, and a server conversation — whose answers are personal — by DM
 *       too, never in the server's channel. Files (the data export) always go by DM.
 *   <li><b>Pacing.</b> JDA's per-route rate limiter paces and retries every request (429s
 *       included); the proactive lane also waits for its shared bucket ({@link ProactivePacing}).
 *   <li><b>Edits</b> (the breathing timer) change the message a {@link SendMessage#ref()} named,
 *       through the channel or the interaction that sent it, whichever instance sent it ({@link
 *       MessageRefs}); an edit whose message is unknown or gone is sent as a new message.
 *   <li><b>Refusals.</b> {@code 50007} in a DM (the member closed their DMs or blocked the bot) is
 *       a {@link MemberUnreachableException}, never retried; an interaction that expired meanwhile
 *       falls back to the DM; any other refusal stops the delivery with a {@link
 *       DiscordDeliveryException} naming Discord's code only.
 * </ul>
 */
public final class DiscordOutbound implements Outbound {

  private static final Logger log = LoggerFactory.getLogger(DiscordOutbound.class);

  /** DM channels kept open, by member: Discord's DM channel of a member never changes. */
  private static final int DM_CHANNELS_KEPT = 10_000;

  private static final String CHANNEL_REF = "c";
  private static final String HOOK_REF = "h";

  private final Supplier<JDA> jda;
  private final DiscordRenderer renderer;
  private final Interactions interactions;
  private final MessageRefs refs;
  private final ProactivePacing proactive;
  private final Clock clock;
  private final Map<String, PrivateChannel> dmChannels =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PrivateChannel> eldest) {
              return size() > DM_CHANNELS_KEPT;
            }
          });

  /**
   * @param jda the connection, once there is one (the launcher connects after building the
   *     application, and delivers nothing before)
   * @param proactiveRate the proactive lane's shared rate
   */
  public DiscordOutbound(
      Supplier<JDA> jda,
      Interactions interactions,
      MessageRefs refs,
      RateLimits limits,
      RateLimits.Rate proactiveRate,
      Clock clock) {
    this.jda = jda;
    this.renderer = new DiscordRenderer();
    this.interactions = interactions;
    this.refs = refs;
    this.proactive = new ProactivePacing(limits, proactiveRate);
    this.clock = clock;
  }

  @Override
  public void deliver(ConversationAddress to, List<Effect> effects, Lane lane) {
    Delivery delivery = new Delivery(to, interactions.live(to));
    try {
      for (Effect effect : effects) {
        if (effect instanceof SendMessage send) {
          List<MessageCreateData> parts = renderer.message(send, delivery.inServer());
          for (MessageCreateData part : parts) {
            pace(lane);
            String sent = delivery.send(part);
            if (part == parts.get(parts.size() - 1) && send.ref().isPresent()) {
              remember(to, send.ref().get(), sent);
            }
          }
        } else if (effect instanceof EditMessage edit) {
          edit(delivery, edit, lane);
        } else if (effect instanceof ShowTyping) {
          delivery.typing();
        } else if (effect instanceof SendFile file) {
          pace(lane);
          delivery.file(file);
        } else {
          throw new IllegalArgumentException("not a Discord effect: " + effect.getClass());
        }
      }
      delivery.finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering to Discord", e);
    }
  }

  private void pace(Lane lane) throws InterruptedException {
    if (lane == Lane.PROACTIVE) {
      proactive.awaitTurn();
    }
  }

  private void edit(Delivery delivery, EditMessage edit, Lane lane) throws InterruptedException {
    Optional<String> stored = recall(delivery.to, edit.ref());
    MessageEditData data = renderer.edit(edit);
    if (stored.isPresent() && delivery.edit(stored.get(), data)) {
      return;
    }
    SendMessage instead = new SendMessage(edit.text(), edit.choices(), Optional.of(edit.ref()));
    List<MessageCreateData> parts = renderer.message(instead, delivery.inServer());
    String sent = null;
    for (MessageCreateData part : parts) {
      pace(lane);
      sent = delivery.send(part);
    }
    if (sent != null) {
      remember(delivery.to, edit.ref(), sent);
    }
  }

  private void remember(ConversationAddress to, String ref, String sent) {
    try {
      refs.remember(to, ref, sent);
    } catch (StoreUnavailableException e) {
      log.warn("discord: message refs out of reach; a later edit will be a new message");
    }
  }

  private Optional<String> recall(ConversationAddress to, String ref) {
    try {
      return refs.recall(to, ref);
    } catch (StoreUnavailableException e) {
      return Optional.empty();
    }
  }

  private PrivateChannel dm(String userId) {
    PrivateChannel channel = dmChannels.get(userId);
    if (channel == null) {
      channel = call(() -> jda.get().openPrivateChannelById(userId).complete(), true);
      dmChannels.put(userId, channel);
    }
    return channel;
  }

  /** Runs a request; turns Discord's refusals into what {@link DiscordOutbound} promises. */
  private static <T> T call(java.util.function.Supplier<T> request, boolean toDm) {
    try {
      return request.get();
    } catch (ErrorResponseException e) {
      if (toDm && e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
        throw new MemberUnreachableException("discord " + e.getErrorCode());
      }
      throw new DiscordDeliveryException(
          "discord refused a request: " + e.getErrorCode() + " (" + e.getErrorResponse() + ")", e);
    }
  }

  private static boolean expired(ErrorResponseException e) {
    return e.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK
        || e.getErrorResponse() == ErrorResponse.UNKNOWN_INTERACTION
        || e.getErrorResponse() == ErrorResponse.INVALID_WEBHOOK_TOKEN;
  }

  /** One delivery: where its messages go, and what is left to do with the interaction. */
  private final class Delivery {
    final ConversationAddress to;
    Optional<LiveInteraction> live;
    boolean answered;

    Delivery(ConversationAddress to, Optional<LiveInteraction> live) {
      this.to = to;
      this.live = live;
    }

    boolean inServer() {
      return !to.chatId().equals(to.userId());
    }

    /** Whether this message goes through the interaction rather than the DM channel. */
    private boolean throughInteraction() {
      return live.isPresent()
          && live.get().usableAt(clock.instant())
          && (inServer() || live.get().awaitingReply() && !answered);
    }

    /** Sends one message; returns its ref form ({@code c<channel>:<id>} or {@code h<id>}). */
    String send(MessageCreateData data) {
      if (throughInteraction()) {
        try {
          Message sent = hook().sendMessage(data).setEphemeral(live.get().ephemeral()).complete();
          answered = true;
          return HOOK_REF + sent.getId();
        } catch (ErrorResponseException e) {
          if (!expired(e)) {
            throw new DiscordDeliveryException(
                "discord refused a follow-up: " + e.getErrorCode(), e);
          }
          live = Optional.empty(); // expired meanwhile: on to the DM
        }
      }
      PrivateChannel channel = dm(to.userId());
      Message sent = call(() -> channel.sendMessage(data).complete(), true);
      return CHANNEL_REF + channel.getId() + ":" + sent.getId();
    }

    /** Edits the message {@code stored} names; false when it is not there to edit. */
    boolean edit(String stored, MessageEditData data) {
      try {
        if (stored.startsWith(HOOK_REF)) {
          if (live.isEmpty() || !live.get().usableAt(clock.instant())) {
            return false;
          }
          hook().editMessageById(stored.substring(HOOK_REF.length()), data).complete();
          return true;
        }
        if (stored.startsWith(CHANNEL_REF) && stored.indexOf(':') > 0) {
          String messageId = stored.substring(stored.indexOf(':') + 1);
          PrivateChannel channel = dm(to.userId());
          channel.editMessageById(messageId, data).complete();
          return true;
        }
        return false;
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE || expired(e)) {
          return false;
        }
        throw new DiscordDeliveryException("discord refused an edit: " + e.getErrorCode(), e);
      }
    }

    void typing() {
      if (!inServer() && !throughInteraction()) {
        PrivateChannel channel = dm(to.userId());
        call(() -> channel.sendTyping().complete(), true);
      }
    }

    /** A file, always by DM: its content is personal (Discord has no "protect content"). */
    void file(SendFile file) {
      PrivateChannel channel = dm(to.userId());
      MessageCreateData data =
          new MessageCreateBuilder()
              .setContent(renderer.text(file.caption()))
              .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
              .addFiles(FileUpload.fromData(file.content(), file.fileName()))
              .build();
      call(() -> channel.sendMessage(data).complete(), true);
      if (inServer() && throughInteraction()) {
        // asked in a server: the caption answers there, privately; the file itself went by DM
        send(
            new MessageCreateBuilder()
                .setContent(renderer.text(file.caption()))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build());
      }
    }

    /** A deferred reply nothing answered would say "thinking…" until it fails: remove it. */
    void finish() {
      if (live.isEmpty()) {
        return;
      }
      if (answered) {
        interactions.remember(to, live.get().replied());
      } else if (live.get().awaitingReply() && live.get().usableAt(clock.instant())) {
        try {
          hook().deleteOriginal().complete();
        } catch (ErrorResponseException e) {
          log.debug("discord: could not clear a deferred reply ({})", e.getErrorCode());
        }
        interactions.remember(to, live.get().replied());
      }
    }

    private InteractionHook hook() {
      return InteractionHook.from(jda.get(), live.orElseThrow().token());
    }
  }
}
