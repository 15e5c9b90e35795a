package org.evenkeel.redis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.evenkeel.redis.RedisUrl.Kind;
import redis.clients.jedis.HostAndPort;

/**
 * Reads a {@code REDIS_URL} into a {@link RedisUrl}. Its error messages show the URL with the
 * credentials replaced by {@code ***}: a password never reaches a log through them.
 */
final class RedisUrlParser {

  private static final String FORMATS =
      "redis://[:password@]host:port[/db], rediss://…, "
          + "redis-sentinel://[:password@]host:port[,host:port…]/masterName[/db] or "
          + "redis-cluster://[:password@]host:port[,host:port…]";

  private RedisUrlParser() {}

  /** See {@link RedisUrl#parse}. */
  static RedisUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw problem("is empty", "");
    }
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      throw problem("has no scheme", "");
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String rest = url.substring(schemeEnd + 3);
    // Everything up to the last '@' is credentials: host names, database numbers and master
    // names never hold one, and a password may hold any character.
    int at = rest.lastIndexOf('@');
    Optional<String> userInfo = at < 0 ? Optional.empty() : Optional.of(rest.substring(0, at));
    String hostsAndPath = rest.substring(at + 1);
    String shown = scheme + "://" + (at < 0 ? "" : "***@") + hostsAndPath;
    if (hostsAndPath.contains("?") || hostsAndPath.contains("#")) {
      throw problem("has query parameters or a fragment, which are not supported", shown);
    }
    int slash = hostsAndPath.indexOf('/');
    String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);
    List<String> path =
        slash < 0 || slash == hostsAndPath.length() - 1
            ? List.of()
            : List.of(hostsAndPath.substring(slash + 1).split("/", -1));
    Optional<String> user = userInfo.flatMap(info -> user(info, shown));
    Optional<String> password = userInfo.map(info -> password(info, shown));
    return switch (scheme) {
      case "redis", "rediss" ->
          standalone(scheme.equals("rediss"), hosts, path, user, password, shown);
      case "redis-sentinel" -> sentinel(hosts, path, user, password, shown);
      case "redis-cluster" -> cluster(hosts, path, user, password, shown);
      default -> throw problem("has unknown scheme '" + scheme + "'", shown);
    };
  }

  private static RedisUrl standalone(
      boolean tls,
      String hosts,
      List<String> path,
      Optional<String> user,
      Optional<String> password,
      String shown) {
    List<HostAndPort> nodes = nodes(hosts, 6379, shown);
    if (nodes.size() != 1) {
      throw problem("names " + nodes.size() + " hosts; redis:// takes exactly one", shown);
    }
    if (path.size() > 1) {
      throw problem("has a path beyond the database number", shown);
    }
    int db = path.isEmpty() ? 0 : database(path.get(0), shown);
    return new RedisUrl(Kind.STANDALONE, tls, nodes, user, password, db, Optional.empty());
  }

  private static RedisUrl sentinel(
      String hosts,
      List<String> path,
      Optional<String> user,
      Optional<String> password,
      String shown) {
    List<HostAndPort> nodes = nodes(hosts, 26379, shown);
    if (path.isEmpty() || path.get(0).isBlank()) {
      throw problem("names no Sentinel master: add /masterName after the Sentinels", shown);
    }
    if (path.size() > 2) {
      throw problem("has a path beyond /masterName/db", shown);
    }
    int db = path.size() == 2 ? database(path.get(1), shown) : 0;
    return new RedisUrl(Kind.SENTINEL, false, nodes, user, password, db, Optional.of(path.get(0)));
  }

  private static RedisUrl cluster(
      String hosts,
      List<String> path,
      Optional<String> user,
      Optional<String> password,
      String shown) {
    if (!path.isEmpty()) {
      throw problem("has a path, but Redis Cluster has no database numbers", shown);
    }
    List<HostAndPort> nodes = nodes(hosts, 6379, shown);
    return new RedisUrl(Kind.CLUSTER, false, nodes, user, password, 0, Optional.empty());
  }

  private static List<HostAndPort> nodes(String hosts, int defaultPort, String shown) {
    if (hosts.isBlank()) {
      throw problem("names no host", shown);
    }
    List<HostAndPort> nodes = new ArrayList<>();
    for (String node : hosts.split(",", -1)) {
      nodes.add(node(node.trim(), defaultPort, shown));
    }
    return nodes;
  }

  private static HostAndPort node(String node, int defaultPort, String shown) {
    String host = node;
    String port = null;
    if (node.startsWith("[")) { // IPv6: [::1]:6379
      int close = node.indexOf(']');
      if (close < 0) {
        throw problem("has an IPv6 host without its closing ']'", shown);
      }
      host = node.substring(1, close);
      if (close + 1 < node.length()) {
        if (node.charAt(close + 1) != ':') {
          throw problem("has text after the IPv6 host '" + node + "'", shown);
        }
        port = node.substring(close + 2);
      }
    } else if (node.contains(":")) {
      host = node.substring(0, node.lastIndexOf(':'));
      port = node.substring(node.lastIndexOf(':') + 1);
    }
    if (host.isBlank()) {
      throw problem("has an empty host name", shown);
    }
    return new HostAndPort(host, port == null ? defaultPort : port(port, shown));
  }

  private static int port(String port, String shown) {
    try {
      int value = Integer.parseInt(port);
      if (value >= 1 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw problem("has port '" + port + "', which is not a number from 1 to 65535", shown);
  }

  private static int database(String db, String shown) {
    try {
      int value = Integer.parseInt(db);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw problem("has database '" + db + "', which is not a number from 0 up", shown);
  }

  private static Optional<String> user(String userInfo, String shown) {
    int colon = userInfo.indexOf(':');
    return colon <= 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(0, colon), shown));
  }

  private static String password(String userInfo, String shown) {
    int colon = userInfo.indexOf(':');
    String password = decode(userInfo.substring(colon + 1), shown);
    if (password.isEmpty()) {
      throw problem("has an '@' but an empty password", shown);
    }
    return password;
  }

  /** Percent-decoding as in URLs, where (unlike in forms) '+' stays a '+'. */
  private static String decode(String text, String shown) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] != '%') {
        out.write(bytes[i]);
        continue;
      }
      int high = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
      int low = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
      if (high < 0 || low < 0) {
        throw problem("has a '%' in its credentials that is not followed by two hex digits", shown);
      }
      out.write(high * 16 + low);
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException problem(String what, String shown) {
    String where = shown.isEmpty() ? "" : " (" + shown + ")";
    return new IllegalArgumentException("REDIS_URL " + what + where + "; expected " + FORMATS);
  }
}
