package corpus.errors.boot;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.*;
@Configuration @EnableAutoConfiguration @Import({Cycle.A.class, Cycle.B.class})
public class Cycle {
  public static class A { public A(B b) { } }
  public static class B { public B(A a) { } }
}
