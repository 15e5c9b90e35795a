package org.evenkeel.core.port;

/**
 * A store could not be reached (a network failure, a failover in progress). Expected in operation
 * and temporary: the dispatcher leaves the event where it is and retries, instead of treating the
 * turn as failed. Store implementations throw it for connection problems only, never for bugs.
 */
public class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
