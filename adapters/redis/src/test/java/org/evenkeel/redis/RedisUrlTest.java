package org.evenkeel.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.evenkeel.redis.RedisUrl.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.HostAndPort;

class RedisUrlTest {

  @Test
  void plainUrl_isOneServer_onDatabaseZero() {
    RedisUrl url = RedisUrl.parse("redis://localhost:6380");

    assertThat(url.kind()).isEqualTo(Kind.STANDALONE);
    assertThat(url.tls()).isFalse();
    assertThat(url.nodes()).containsExactly(new HostAndPort("localhost", 6380));
    assertThat(url.password()).isEmpty();
    assertThat(url.database()).isZero();
  }

  @Test
  void passwordAndDatabase_areRead_andThePortDefaultsTo6379() {
    RedisUrl url = RedisUrl.parse("redis://:s3cret@redis.internal/3");

    assertThat(url.nodes()).containsExactly(new HostAndPort("redis.internal", 6379));
    assertThat(url.user()).isEmpty();
    assertThat(url.password()).contains("s3cret");
    assertThat(url.database()).isEqualTo(3);
  }

  @Test
  void aclUser_andPercentEncodedPassword_areDecoded() {
    RedisUrl url = RedisUrl.parse("redis://bot:p%40ss+w%2Frd@10.0.0.5:6379/0");

    assertThat(url.user()).contains("bot");
    assertThat(url.password()).contains("p@ss+w/rd");
  }

  @Test
  void passwordWithUnencodedSlashOrAt_isStillReadWhole() {
    RedisUrl url = RedisUrl.parse("redis://:a/b@c@host:6379/2");

    assertThat(url.password()).contains("a/b@c");
    assertThat(url.nodes()).containsExactly(new HostAndPort("host", 6379));
    assertThat(url.database()).isEqualTo(2);
  }

  @Test
  void rediss_meansTls() {
    RedisUrl url = RedisUrl.parse("rediss://:pw@cache.example.com:6380");

    assertThat(url.kind()).isEqualTo(Kind.STANDALONE);
    assertThat(url.tls()).isTrue();
  }

  @Test
  void ipv6Host_isRead() {
    assertThat(RedisUrl.parse("redis://[::1]:7000").nodes())
        .containsExactly(new HostAndPort("::1", 7000));
  }

  @Test
  void sentinelUrl_namesTheSentinels_theMaster_andTheDatabase() {
    RedisUrl url = RedisUrl.parse("redis-sentinel://:pw@s1:26379,s2,s3:26380/mymaster/2");

    assertThat(url.kind()).isEqualTo(Kind.SENTINEL);
    assertThat(url.nodes())
        .containsExactly(
            new HostAndPort("s1", 26379),
            new HostAndPort("s2", 26379),
            new HostAndPort("s3", 26380));
    assertThat(url.masterName()).contains("mymaster");
    assertThat(url.database()).isEqualTo(2);
    assertThat(url.password()).contains("pw");
  }

  @Test
  void clusterUrl_namesTheSeedNodes() {
    RedisUrl url = RedisUrl.parse("redis-cluster://n1:7000,n2:7001");

    assertThat(url.kind()).isEqualTo(Kind.CLUSTER);
    assertThat(url.nodes())
        .isEqualTo(List.of(new HostAndPort("n1", 7000), new HostAndPort("n2", 7001)));
    assertThat(url.masterName()).isEqualTo(Optional.empty());
  }

  @Test
  void toString_hidesThePassword() {
    assertThat(RedisUrl.parse("redis://bot:s3cret@host:6379/1").toString())
        .isEqualTo("redis://bot:***@host:6379/1")
        .doesNotContain("s3cret");
    assertThat(RedisUrl.parse("redis-sentinel://:s3cret@a:1,b:2/m").toString())
        .isEqualTo("redis-sentinel://:***@a:1,b:2/m");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                     | is empty",
        "localhost:6379                         | has no scheme",
        "http://:s3cret@host:6379               | has unknown scheme 'http'",
        "redis://:s3cret@                       | names no host",
        "redis://:s3cret@host:port              | has port 'port', which is not a number",
        "redis://:s3cret@host:70000             | has port '70000'",
        "redis://:s3cret@host:6379/x            | has database 'x'",
        "redis://:s3cret@host:6379/-1           | has database '-1'",
        "redis://:s3cret@host:6379/1/2          | has a path beyond the database number",
        "redis://:s3cret@a:1,b:2                | names 2 hosts; redis:// takes exactly one",
        "redis://:s3cret@host?timeout=5         | has query parameters",
        "redis://:@host                         | an empty password",
        "redis://:s3cr%4@host                   | a '%' in its credentials",
        "redis-sentinel://:s3cret@s1:26379      | names no Sentinel master",
        "redis-sentinel://:s3cret@s1/m/1/2      | has a path beyond /masterName/db",
        "redis-cluster://:s3cret@n1:7000/1      | Redis Cluster has no database numbers",
        "redis://:s3cret@[::1:6379              | without its closing ']'",
      })
  void malformedUrl_isRefused_namingREDIS_URL_andTheProblem_butNeverThePassword(
      String url, String problem) {
    assertThatThrownBy(() -> RedisUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("REDIS_URL ")
        .hasMessageContaining(problem)
        .hasMessageNotContaining("s3cr");
  }

  @Test
  void malformedUrl_showsWhereWithTheCredentialsMasked() {
    assertThatThrownBy(() -> RedisUrl.parse("redis://:s3cret@host:port"))
        .hasMessageContaining("(redis://***@host:port)")
        .hasMessageContaining("expected redis://");
  }

  @Test
  void connections_fromAMalformedUrl_failBeforeConnecting() {
    assertThatThrownBy(() -> RedisConnections.fromUrl("redis://:s3cret@host:0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("REDIS_URL has port '0'")
        .hasMessageNotContaining("s3cret");
  }
}
