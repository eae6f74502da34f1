package corpus.errors.boot;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.*;
@Configuration @EnableAutoConfiguration @Import(MissingBean.OrderService.class)
public class MissingBean {
  public interface PaymentGateway { }
  public static class OrderService { public OrderService(PaymentGateway g) { } }
}
