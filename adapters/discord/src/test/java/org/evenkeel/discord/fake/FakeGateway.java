package org.evenkeel.discord.fake;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake's gateway: HELLO, IDENTIFY (token checked, else close 4004), READY and one GUILD_CREATE
 * per server, heartbeats and their ACKs, and RESUME, which replays what the session missed and then
 * sends RESUMED. Dispatches are numbered per session; JSON only, with or without {@code
 * compress=zlib-stream} (one deflater per connection, each message ending in a sync flush, as
 * Discord does).
 */
final class FakeGateway extends WebSocketServer {

  /** Opcodes (discord.com/developers/docs/topics/opcodes-and-status-codes#gateway). */
  static final int DISPATCH = 0;

  static final int HEARTBEAT = 1;
  static final int IDENTIFY = 2;
  static final int RESUME = 6;
  static final int HELLO = 10;
  static final int HEARTBEAT_ACK = 11;

  private final String token;
  private final Supplier<DataObject> ready;
  private final Supplier<List<DataObject>> guildCreates;
  private final Map<WebSocket, Deflater> deflaters = new ConcurrentHashMap<>();
  private final List<DataObject> received = new CopyOnWriteArrayList<>();
  private final List<DataObject> log = new ArrayList<>(); // every dispatch of the session, by seq
  private final java.util.concurrent.CountDownLatch started =
      new java.util.concurrent.CountDownLatch(1);
  private volatile WebSocket current;
  private volatile long heartbeatMillis = 41_250; // Discord's usual interval
  private volatile String sessionId = "session-1";

  FakeGateway(String token, Supplier<DataObject> ready, Supplier<List<DataObject>> guildCreates) {
    super(new InetSocketAddress("127.0.0.1", 0));
    this.token = token;
    this.ready = ready;
    this.guildCreates = guildCreates;
    setReuseAddr(true);
    setConnectionLostTimeout(0);
  }

  /** The heartbeat interval HELLO asks for from the next connection on. */
  void heartbeatEvery(long millis) {
    heartbeatMillis = millis;
  }

  /** Every payload the bot sent, in order. */
  List<DataObject> received() {
    return List.copyOf(received);
  }

  /** Sends an event to the bot now, or on its resume if it is disconnected. */
  synchronized void dispatch(String type, DataObject data) {
    DataObject payload =
        DataObject.empty()
            .put("op", DISPATCH)
            .put("t", type)
            .put("s", log.size() + 1)
            .put("d", data);
    log.add(payload);
    WebSocket socket = current;
    if (socket != null && socket.isOpen()) {
      send(socket, payload);
    }
  }

  /** Closes the bot's connection with {@code code}, as Discord does before a reconnect. */
  void drop(int code) {
    WebSocket socket = current;
    current = null;
    if (socket != null) {
      socket.close(code, "fake gateway closed the connection");
    }
  }

  @Override
  public void onOpen(WebSocket socket, ClientHandshake handshake) {
    if (handshake.getResourceDescriptor().contains("compress=zlib-stream")) {
      deflaters.put(socket, new Deflater());
    }
    send(
        socket,
        DataObject.empty()
            .put("op", HELLO)
            .put("d", DataObject.empty().put("heartbeat_interval", heartbeatMillis)));
  }

  @Override
  public void onMessage(WebSocket socket, String message) {
    DataObject payload = DataObject.fromJson(message);
    received.add(payload);
    switch (payload.getInt("op")) {
      case HEARTBEAT -> send(socket, DataObject.empty().put("op", HEARTBEAT_ACK));
      case IDENTIFY -> identify(socket, payload.getObject("d"));
      case RESUME -> resume(socket, payload.getObject("d"));
      default -> {}
    }
  }

  private void identify(WebSocket socket, DataObject d) {
    if (!token.equals(d.getString("token", "").replaceFirst("^Bot ", ""))) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    synchronized (this) {
      log.clear();
      sessionId = "session-" + System.nanoTime();
      current = socket;
      dispatch(
          "READY", ready.get().put("session_id", sessionId).put("resume_gateway_url", getUrl()));
      guildCreates.get().forEach(g -> dispatch("GUILD_CREATE", g));
    }
  }

  private synchronized void resume(WebSocket socket, DataObject d) {
    if (!sessionId.equals(d.getString("session_id", ""))) {
      send(socket, DataObject.empty().put("op", 9).put("d", false)); // INVALID_SESSION
      return;
    }
    current = socket;
    long seen = d.getLong("seq", 0);
    for (DataObject missed : log.subList((int) Math.min(seen, log.size()), log.size())) {
      send(socket, missed);
    }
    dispatch("RESUMED", DataObject.empty());
  }

  String getUrl() {
    return "ws://127.0.0.1:" + getPort();
  }

  private void send(WebSocket socket, DataObject payload) {
    byte[] json = payload.toJson();
    Deflater deflater = deflaters.get(socket);
    if (deflater == null) {
      socket.send(new String(json, StandardCharsets.UTF_8));
      return;
    }
    synchronized (deflater) {
      deflater.setInput(json);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
        out.write(buffer, 0, n);
        if (n < buffer.length) {
          break;
        }
      }
      socket.send(ByteBuffer.wrap(out.toByteArray()));
    }
  }

  @Override
  public void onClose(WebSocket socket, int code, String reason, boolean remote) {
    Deflater deflater = deflaters.remove(socket);
    if (deflater != null) {
      deflater.end();
    }
    if (current == socket) {
      current = null;
    }
  }

  @Override
  public void onError(WebSocket socket, Exception e) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  /** Waits until the server listens (its port is known only then). */
  void awaitStarted() {
    try {
      if (!started.await(15, java.util.concurrent.TimeUnit.SECONDS) || getPort() <= 0) {
        throw new IllegalStateException("the fake gateway did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the fake gateway", e);
    }
  }

  /** The unavailable-guild stubs of READY. */
  static DataArray stubs(List<FakeGuild> guilds) {
    DataArray out = DataArray.empty();
    guilds.forEach(g -> out.add(DataObject.empty().put("id", g.id()).put("unavailable", true)));
    return out;
  }
}
