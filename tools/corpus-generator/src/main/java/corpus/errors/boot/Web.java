package corpus.errors.boot;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.*;
@Configuration @EnableAutoConfiguration
public class Web { }
