package corpus.lb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Non-web Spring Boot app: H2 in-memory + Liquibase + JDBC (benign corpus). Run with --spring.config.name=liquibase */
@SpringBootApplication
public class LiquibaseApp {
  private static final Logger log = LoggerFactory.getLogger(LiquibaseApp.class);
  public static void main(String[] args) { SpringApplication.run(LiquibaseApp.class, args).close(); }
  @Bean CommandLineRunner work(JdbcTemplate jdbc) {
    return args -> {
      for (int i = 0; i < 5; i++) jdbc.update("insert into customer(name, email) values (?, ?)", "c" + i, "c" + i + "@example.org");
      log.info("customers: {}", jdbc.queryForObject("select count(*) from customer", Integer.class));
    };
  }
}
