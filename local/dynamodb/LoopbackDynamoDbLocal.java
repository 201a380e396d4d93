/**
 * Starts DynamoDB Local on 127.0.0.1 only. The engine has no bind-address option and its Jetty
 * server listens on every interface, so this sets the host on each connector before starting.
 * Run by the source-file launcher (`java LoopbackDynamoDbLocal.java <engine options>`) with the
 * engine's jar on the class path; reflection keeps it free of compile-time dependencies.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    Class<?> runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object proxy =
        runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);
    java.lang.reflect.Field field = proxy.getClass().getDeclaredField("server");
    field.setAccessible(true);
    Object server = field.get(proxy);
    Object[] connectors = (Object[]) server.getClass().getMethod("getConnectors").invoke(server);
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector");
    for (Object connector : connectors) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, "127.0.0.1");
    }
    proxy.getClass().getMethod("start").invoke(proxy);
  }
}
