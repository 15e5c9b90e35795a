package org.evenkeel.core.intent;

import org.evenkeel.core.content.Intents;

/**
 * What the member probably meant.
 *
 * @param intent the intent
 * @param confidence from 0 to 1
 */
public record IntentMatch(Intents.Intent intent, double confidence) {}
