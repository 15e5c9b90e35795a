package org.evenkeel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSettingsTest {

  private static final String SECRET = "s3cret_value-XYZ";

  @Test
  void of_listensOnThePublicUrlsPath_withFortyConnections() {
    WebhookSettings settings =
        WebhookSettings.of("https://bot.example.org/telegram/Zq3f9", "0.0.0.0", 8081, SECRET);

    assertThat(settings.path()).isEqualTo("/telegram/Zq3f9");
    assertThat(settings.publicUrl())
        .isEqualTo(URI.create("https://bot.example.org/telegram/Zq3f9"));
    assertThat(settings.maxConnections()).isEqualTo(40);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://h.example/p",
        "https://h.example:443/p",
        "https://h.example:80/p",
        "https://h.example:88/p",
        "https://h.example:8443/p"
      })
  void thePortsTelegramAllows_areAccepted(String url) {
    assertThat(WebhookSettings.of(url, "0.0.0.0", 8081, SECRET).publicUrl()).hasToString(url);
  }

  @Test
  void everyProblem_isReportedInOneMessage() {
    assertThatThrownBy(
            () ->
                new WebhookSettings(
                    URI.create("http://bot.example.org:8080/hook?x=1"),
                    " ",
                    70_000,
                    "hook",
                    "bad secret!",
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid Telegram webhook settings: "
                + "public URL must use https (Telegram calls only HTTPS webhooks):"
                + " http://bot.example.org:8080/hook?x=1; "
                + "public URL port must be one Telegram allows (443, 80, 88 or 8443) but was 8080:"
                + " http://bot.example.org:8080/hook?x=1; "
                + "public URL must not have user info, a query or a fragment:"
                + " http://bot.example.org:8080/hook?x=1; "
                + "listen host must not be blank; "
                + "listen port must be in 0-65535 but was 70000; "
                + "path must be '/' followed by segments of A-Z a-z 0-9 . _ ~ - (like"
                + " /telegram/x3Fq9) but was 'hook'; "
                + "secret may contain only A-Z a-z 0-9 _ - (it has other characters); "
                + "max connections must be in 1-100 but was 0");
  }

  @Test
  void aSecretOverTheLimit_isNamedByItsLength_neverShown() {
    String secret = "a".repeat(257);

    assertThatThrownBy(() -> WebhookSettings.of("https://h.example/p", "0.0.0.0", 1, secret))
        .hasMessageContaining("secret must be at most 256 characters but has 257")
        .message()
        .doesNotContain(secret);
  }

  @Test
  void aSecretOfTheLongestAllowedLength_isAccepted() {
    assertThat(WebhookSettings.of("https://h.example/p", "0.0.0.0", 1, "a".repeat(256)).secret())
        .hasSize(256);
  }

  @Test
  void aWrongSecret_isNeverShown_inTheMessage() {
    assertThatThrownBy(() -> WebhookSettings.of("https://h.example/p", "0.0.0.0", 1, "my secret"))
        .message()
        .doesNotContain("my secret");
  }

  @Test
  void toString_hidesTheSecret() {
    WebhookSettings settings = WebhookSettings.of("https://h.example/p", "0.0.0.0", 8081, SECRET);

    assertThat(settings.toString()).doesNotContain(SECRET).contains("https://h.example/p");
  }

  @Test
  void aUrlThatDoesNotParse_isNamed() {
    assertThatThrownBy(() -> WebhookSettings.of("https://h example/p", "0.0.0.0", 1, SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid Telegram webhook settings: public URL is not a URL");
  }
}
