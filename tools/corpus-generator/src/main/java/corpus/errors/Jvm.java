package corpus.errors;

import java.io.*;
import java.lang.reflect.Proxy;
import java.net.*;
import java.nio.ByteBuffer;
import java.nio.file.*;
import java.util.*;

/** Child-JVM scenarios; the uncaught error goes to stderr like in any application. Usage: Jvm <mode> */
public class Jvm {
  static class BadInit { static final String URL = load(); static String load() { throw new IllegalStateException("inventory.url is not set"); } }
  static int depth(int n) { return depth(n + 1) + 1; }
  public static void main(String[] a) throws Exception {
    switch (a[0]) {
      case "heap" -> { List<long[]> l = new ArrayList<>(); while (true) l.add(new long[1 << 20]); }
      case "gc-overhead" -> { Map<Integer, Integer> m = new HashMap<>(); for (int i = 0; ; i++) m.put(i, i); }
      case "metaspace" -> { // a new class loader per iteration defines a new copy of the same class
        URL u = Jvm.class.getProtectionDomain().getCodeSource().getLocation(); List<Object> keep = new ArrayList<>();
        while (true) { ClassLoader cl = new URLClassLoader(new URL[] {u}, null); keep.add(cl.loadClass("corpus.errors.ErrorProvoker")); } }
      case "direct" -> { List<ByteBuffer> l = new ArrayList<>(); while (true) l.add(ByteBuffer.allocateDirect(1 << 20)); }
      case "stack" -> depth(0);
      case "threads" -> { while (true) { Thread t = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }); t.setDaemon(true); t.start(); } }
      case "noclassdef" -> new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("a", 1));
      case "initfail" -> {
        try { System.out.println(BadInit.URL); } catch (Throwable t) { t.printStackTrace(); }
        System.out.println(BadInit.URL);
      }
      case "ucv" -> { // class file whose major version was patched to 65 (Java 21)
        byte[] b = Jvm.class.getResourceAsStream("Jvm$BadInit.class").readAllBytes(); b[6] = 0; b[7] = 65;
        Path d = Files.createTempDirectory("ucv"); Path f = d.resolve("corpus/errors/Jvm$BadInit.class"); Files.createDirectories(f.getParent()); Files.write(f, b);
        new URLClassLoader(new URL[] {d.toUri().toURL()}, null).loadClass("corpus.errors.Jvm$BadInit");
      }
      case "fds-file" -> { List<Object> l = new ArrayList<>(); Path p = Files.createTempFile("fd", ".txt"); while (true) l.add(new FileInputStream(p.toFile())); }
      case "fds-socket" -> { List<Object> l = new ArrayList<>();
        while (true) { Socket s = new Socket(); s.bind(new InetSocketAddress("127.0.0.1", 0)); l.add(s); } }
      case "fds-accept" -> { List<Object> l = new ArrayList<>(); ServerSocket ss = new ServerSocket(0);
        Thread c = new Thread(() -> { List<Socket> k = new ArrayList<>(); try { while (true) { k.add(new Socket("127.0.0.1", ss.getLocalPort())); } } catch (IOException e) { } }); c.setDaemon(true);
        Path p = Files.createTempFile("fd", ".txt"); for (int i = 0; i < 200; i++) { try { l.add(new FileInputStream(p.toFile())); } catch (IOException e) { break; } }
        for (int i = 0; i < 4 && !l.isEmpty(); i++) ((Closeable) l.remove(l.size() - 1)).close();
        c.start(); while (true) l.add(ss.accept()); }
      case "slf4j" -> org.slf4j.LoggerFactory.getLogger(Jvm.class).info("hello");
      default -> throw new IllegalArgumentException(a[0]);
    }
  }
}
