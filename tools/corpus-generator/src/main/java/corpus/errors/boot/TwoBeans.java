package corpus.errors.boot;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.*;
@Configuration @EnableAutoConfiguration
public class TwoBeans {
  public interface Notifier { }
  @Bean Notifier emailNotifier() { return new Notifier() { }; }
  @Bean Notifier smsNotifier() { return new Notifier() { }; }
  @Bean Object alertService(Notifier n) { return new Object(); }
}
