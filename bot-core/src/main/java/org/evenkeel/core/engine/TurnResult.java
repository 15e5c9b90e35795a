package org.evenkeel.core.engine;

import static org.evenkeel.core.text.Checks.requireValue;

import java.util.List;
import org.evenkeel.core.effect.Effect;
import org.evenkeel.core.model.Profile;
import org.evenkeel.core.model.Session;

/**
 * What one turn decided: the conversation's new state, the member's (possibly changed) profile and
 * the effects, in order. The session's version is still the one it was loaded with; the store
 * raises it on commit.
 *
 * @param crisis what the crisis screen found in the member's message, if anything (for counting)
 */
public record TurnResult(
    Session session,
    Profile profile,
    List<Effect> effects,
    java.util.Optional<org.evenkeel.core.content.CrisisCategory> crisis) {

  public TurnResult {
    requireValue(session, "session");
    requireValue(profile, "profile");
    effects = List.copyOf(effects);
    requireValue(crisis, "crisis");
  }

  /** Whether the turn asks for the member's data to be deleted. */
  public boolean forgetsMember() {
    return effects.stream().anyMatch(e -> e instanceof org.evenkeel.core.effect.ForgetMember);
  }
}
