package corpus.kafkaclient;

import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.serialization.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Non-web Spring Boot app using kafka-clients directly: admin, producer, two consumers in a group (benign corpus). */
@SpringBootApplication
public class KafkaClientApp {
  private static final Logger log = LoggerFactory.getLogger(KafkaClientApp.class);
  static final String BOOT = System.getProperty("corpus.kafka", "127.0.0.1:59092");
  public static void main(String[] args) { SpringApplication.run(KafkaClientApp.class, args).close(); }

  @Bean CommandLineRunner work() {
    return args -> {
      Properties ap = new Properties(); ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOT);
      try (Admin admin = Admin.create(ap)) {
        admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1), new NewTopic("audit", 1, (short) 1))).all().get();
        log.info("Topics: {}", admin.listTopics().names().get());
      }
      Properties pp = new Properties();
      pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOT);
      pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      try (Producer<String, String> p = new KafkaProducer<>(pp)) {
        for (int i = 0; i < 300; i++) p.send(new ProducerRecord<>(i % 10 == 0 ? "audit" : "orders", "k" + (i % 17), "{\"order\":" + i + "}"));
        p.flush();
        log.info("Sent 300 records");
      }
      Properties cp = new Properties();
      cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOT);
      cp.put(ConsumerConfig.GROUP_ID_CONFIG, "order-processor");
      cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      try (KafkaConsumer<String, String> c1 = new KafkaConsumer<>(cp)) {
        c1.subscribe(List.of("orders", "audit"));
        int total = 0; long end = System.currentTimeMillis() + 8000;
        KafkaConsumer<String, String> c2 = null;
        while (System.currentTimeMillis() < end) {
          ConsumerRecords<String, String> rs = c1.poll(Duration.ofMillis(500));
          total += rs.count();
          if (!rs.isEmpty()) c1.commitSync();
          if (c2 == null && total > 0) { c2 = new KafkaConsumer<>(cp); c2.subscribe(List.of("orders")); }
          if (c2 != null) c2.poll(Duration.ofMillis(200));
        }
        log.info("Consumed {} records", total);
        if (c2 != null) c2.close();
      }
    };
  }
}
