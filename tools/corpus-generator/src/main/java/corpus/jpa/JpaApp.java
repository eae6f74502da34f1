package corpus.jpa;

import jakarta.persistence.*;
import java.util.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.*;

/** Spring Boot web + JPA/Hibernate + HikariCP + Flyway + actuator + Redis app (benign corpus). Run with --spring.config.name=jpa */
@SpringBootApplication
@EnableScheduling
@org.springframework.data.jpa.repository.config.EnableJpaRepositories(considerNestedRepositories = true)
public class JpaApp {
  public static void main(String[] args) { SpringApplication.run(JpaApp.class, args); }

  @Entity @Table(name = "author")
  public static class Author {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    public String name;
    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL) public List<Book> books = new ArrayList<>();
    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL) public List<Award> awards = new ArrayList<>();
  }
  @Entity @Table(name = "book")
  public static class Book {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    public String title;
    @ManyToOne(fetch = FetchType.LAZY) public Author author;
  }
  @Entity @Table(name = "award")
  public static class Award {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Long id;
    public String name;
    @ManyToOne(fetch = FetchType.LAZY) public Author author;
  }
  public interface AuthorRepository extends JpaRepository<Author, Long> { List<Author> findByName(String name); }
  public interface BookRepository extends JpaRepository<Book, Long> { long countByAuthor(Author a); }

  @Service
  public static class Library {
    private static final Logger log = LoggerFactory.getLogger(Library.class);
    final AuthorRepository authors; final BookRepository books; final StringRedisTemplate redis;
    Library(AuthorRepository a, BookRepository b, StringRedisTemplate r) { authors = a; books = b; redis = r; }
    @Transactional
    public Map<String, Object> create(String name) {
      Author a = new Author(); a.name = name;
      for (int i = 1; i <= 2; i++) { Book b = new Book(); b.title = name + " vol. " + i; b.author = a; a.books.add(b); }
      authors.save(a);
      Long n = redis.opsForValue().increment("authors:created");
      log.info("Created author {} with {} books (total created: {})", a.id, a.books.size(), n);
      return Map.of("id", a.id, "name", a.name);
    }
    @Transactional(readOnly = true)
    public List<Map<String, Object>> list() {
      List<Map<String, Object>> r = new ArrayList<>();
      for (Author a : authors.findAll()) r.add(Map.of("id", a.id, "name", a.name, "books", a.books.size()));
      return r;
    }
    @Transactional(readOnly = true)
    public Map<String, Object> one(long id) {
      return authors.findById(id).<Map<String, Object>>map(a -> Map.of("id", a.id, "name", a.name)).orElse(Map.of());
    }
    @Scheduled(fixedDelay = 7000, initialDelay = 3000)
    @Transactional(readOnly = true)
    public void report() { log.info("Library has {} authors and {} books", authors.count(), books.count()); }
  }

  @RestController @RequestMapping("/api/authors")
  public static class AuthorController {
    final Library lib; AuthorController(Library l) { lib = l; }
    @PostMapping public Map<String, Object> create(@RequestParam String name) { return lib.create(name); }
    @GetMapping public List<Map<String, Object>> list() { return lib.list(); }
    @GetMapping("/{id}") public Map<String, Object> one(@PathVariable long id) {
      return lib.one(id);
    }
  }
}
