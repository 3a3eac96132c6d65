package dev.mpotel.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplicationNameTest {

  @Test
  void mainClassGivesItsSimpleName() {
    assertThat(ApplicationName.fromCommand("com.example.orders.OrdersMain --port 8080")).contains("OrdersMain");
  }

  @Test
  void executableJarGivesItsBaseName() {
    assertThat(ApplicationName.fromCommand("/opt/app/billing-worker.jar arg")).contains("billing-worker");
  }

  @Test
  void withoutACommandThereIsNoName() {
    assertThat(ApplicationName.fromCommand(null)).isEmpty();
    assertThat(ApplicationName.fromCommand(" ")).isEmpty();
  }

  @Test
  void detectNeverAnswersUnknownService() {
    assertThat(ApplicationName.detect()).isNotBlank().doesNotStartWith("unknown_service");
  }
}
