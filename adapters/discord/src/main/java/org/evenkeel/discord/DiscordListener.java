package org.evenkeel.discord;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestAction;
import org.evenkeel.core.event.InboundEvent;
import org.evenkeel.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives JDA's events: maps each ({@link DiscordMapper}), acknowledges interactions within
 * Discord's three seconds (a deferred reply, ephemeral in a server, or a deferred update for a
 * button), keeps the interaction for the answers ({@link Interactions}), and submits the event to
 * the turn dispatcher.
 *
 * <p>The answer button of a server conversation opens the answer form at once (a form must be the
 * interaction's first response); the form's text comes back as a message. The admin command goes to
 * {@link AdminCommand}.
 *
 * <p>The gateway does not send an event twice on request, so an event the store could not take is
 * tried again in the background with growing pauses for {@link #SUBMIT_PATIENCE} before it is given
 * up (logged by id, never by content). One failing event is logged and never stops the others.
 */
public final class DiscordListener extends ListenerAdapter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);

  /** How long an event the store refused is tried again. */
  static final Duration SUBMIT_PATIENCE = Duration.ofMinutes(5);

  /** The longest text the answer form takes (Discord allows 4,000; the engine answers longer). */
  static final int ANSWER_MAX_LENGTH = TextInput.MAX_VALUE_LENGTH;

  private final DiscordMapper mapper = new DiscordMapper();
  private volatile boolean closed;
  private final Consumer<InboundEvent> submit;
  private final Interactions interactions;
  private final AdminCommand admin;
  private final Clock clock;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "evenkeel-discord-retry");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param submit stores the event durably before returning (the dispatcher's {@code submit}), or
   *     throws {@link StoreUnavailableException}
   */
  public DiscordListener(
      Consumer<InboundEvent> submit, Interactions interactions, AdminCommand admin, Clock clock) {
    this.submit = submit;
    this.interactions = interactions;
    this.admin = admin;
    this.clock = clock;
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    isolated("message", () -> mapper.message(event).ifPresent(this::submit));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    isolated(
        "slash command",
        () -> {
          if (event.getName().equals(AdminCommand.NAME)) {
            admin.handle(event);
            return;
          }
          boolean ephemeral = event.isFromGuild() && !DiscordMapper.shared(event);
          acknowledged(
              event.deferReply(ephemeral),
              LiveInteraction.deferredReply(event.getToken(), clock.instant(), ephemeral),
              mapper.slashCommand(event));
        });
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    isolated(
        "autocomplete",
        () -> {
          if (event.getFocusedOption().getName().equals(SlashCommands.ZONE_OPTION)) {
            event
                .replyChoices(
                    ZoneSuggestions.matching(event.getFocusedOption().getValue(), clock.instant()))
                .queue(ok -> {}, this::acknowledgeFailed);
          } else {
            event.replyChoices(java.util.List.of()).queue(ok -> {}, this::acknowledgeFailed);
          }
        });
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    isolated(
        "button",
        () -> {
          if (event.getComponentId().equals(DiscordRenderer.ANSWER_BUTTON)) {
            event.replyModal(answerForm(event)).queue(ok -> {}, this::acknowledgeFailed);
            return;
          }
          acknowledged(
              event.deferEdit(),
              LiveInteraction.deferredUpdate(
                  event.getToken(), clock.instant(), event.isFromGuild()),
              mapper.button(event));
        });
  }

  @Override
  public void onStringSelectInteraction(StringSelectInteractionEvent event) {
    isolated(
        "select menu",
        () -> {
          LiveInteraction live =
              LiveInteraction.deferredUpdate(
                  event.getToken(), clock.instant(), event.isFromGuild());
          Optional<InboundEvent> mapped = mapper.select(event);
          if (mapped.isEmpty()) {
            event.deferEdit().queue(ok -> {}, this::acknowledgeFailed);
            return;
          }
          acknowledged(event.deferEdit(), live, mapped.get());
        });
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    isolated(
        "form",
        () -> {
          boolean ephemeral = event.isFromGuild();
          Optional<InboundEvent> mapped = mapper.modal(event);
          if (mapped.isEmpty()) {
            event.deferEdit().queue(ok -> {}, this::acknowledgeFailed);
            return;
          }
          acknowledged(
              event.deferReply(ephemeral),
              LiveInteraction.deferredReply(event.getToken(), clock.instant(), ephemeral),
              mapped.get());
        });
  }

  /** A form with one paragraph for the answer, titled with the question's prompt. */
  private static Modal answerForm(ButtonInteractionEvent event) {
    String prompt = DiscordRenderer.answerPrompt(event.getButton().getLabel());
    TextInput input =
        TextInput.create(DiscordMapper.ANSWER_FIELD, TextInputStyle.PARAGRAPH)
            .setRequiredRange(1, ANSWER_MAX_LENGTH)
            .build();
    return Modal.create(DiscordRenderer.ANSWER_BUTTON, prompt)
        .addComponents(Label.of(prompt, input))
        .build();
  }

  /**
   * Acknowledges, then keeps the interaction and submits the event — in that order, so that the
   * turn's answers find the interaction acknowledged. A failed acknowledgement (Discord's three
   * seconds passed) still submits the event: the answers then go by DM.
   */
  private void acknowledged(RestAction<?> ack, LiveInteraction live, InboundEvent event) {
    ack.queue(
        ok -> {
          interactions.remember(event.address(), live);
          submit(event);
        },
        error -> {
          acknowledgeFailed(error);
          submit(event);
        });
  }

  private void acknowledgeFailed(Throwable error) {
    log.warn("discord: an interaction could not be acknowledged ({})", error.toString());
  }

  private void submit(InboundEvent event) {
    submit(event, Duration.ofMillis(500), clock.instant().plus(SUBMIT_PATIENCE));
  }

  private void submit(InboundEvent event, Duration pause, java.time.Instant giveUpAt) {
    try {
      submit.accept(event);
    } catch (StoreUnavailableException e) {
      if (clock.instant().isAfter(giveUpAt)) {
        log.error("discord: event {} lost: the store was out of reach for too long", event.id());
        return;
      }
      log.warn("discord: the store is out of reach; event {} will be tried again", event.id());
      Duration next =
          pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
              ? Duration.ofSeconds(30)
              : pause.multipliedBy(2);
      retries.schedule(
          () -> isolated("retry", () -> submit(event, next, giveUpAt)),
          pause.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void isolated(String what, Runnable work) {
    if (closed) {
      return; // shutting down: the bot takes nothing new (an interaction shows Discord's failure)
    }
    try {
      work.run();
    } catch (RuntimeException e) {
      log.error("discord: a {} could not be handled", what, e);
    }
  }

  /** Stops taking events (the first step of a shutdown: turns under way still finish). */
  @Override
  public void close() {
    closed = true;
    retries.shutdown();
  }
}
