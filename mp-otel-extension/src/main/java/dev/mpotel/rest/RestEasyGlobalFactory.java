package dev.mpotel.rest;

import jakarta.ws.rs.core.Configuration;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets go of RESTEasy's JVM-wide provider factory when it holds this application's providers, so that it
 * does not keep the application's class loader after the application ends.
 *
 * <p>RESTEasy's client finds client providers only through {@code META-INF/services/jakarta.ws.rs.ext.Providers}
 * (RESTEasy 6.2 has no {@code Feature} discovery on the client), which is why mp-otel's jar has that file. RESTEasy
 * reads the same file, with the thread's context class loader, when it creates its JVM-wide factory
 * ({@code ResteasyProviderFactory.getInstance()}, also {@code RuntimeDelegate}'s cached instance). It creates that
 * factory on first use whenever no deployment's factory is set, for example while an application that is being
 * undeployed still serves a request after RESTEasy cleared its own factory: that factory then registers this
 * application's {@link ServerSpanFilter}, {@link ServerRouteFilter} and {@link ClientSpanFilter}, and RESTEasy keeps it
 * (and so the application's class loader) until another deployment replaces it. RESTEasy clears the static at
 * undeploy only when it is the deployment's own factory; this class clears it, the same way, when it is not RESTEasy's
 * per-deployment factory and has one of this application's provider classes registered.
 *
 * <p>Reflection only, found through this class's loader: on a runtime whose RESTEasy SPI applications do not see
 * (Open Liberty) or that is not RESTEasy (Jersey), nothing happens.
 */
public final class RestEasyGlobalFactory {

  private static final Logger LOG = Logger.getLogger(RestEasyGlobalFactory.class.getName());
  private static final String FACTORY = "org.jboss.resteasy.spi.ResteasyProviderFactory";
  /** RESTEasy's per-deployment factory (deployment-sensitive mode), which RESTEasy clears itself. */
  private static final String THREAD_LOCAL_FACTORY = "org.jboss.resteasy.core.ThreadLocalResteasyProviderFactory";

  private RestEasyGlobalFactory() {}

  /**
   * Clears RESTEasy's JVM-wide factory if it holds one of this application's providers; call when the
   * application ends.
   *
   * @return whether it was cleared
   */
  public static boolean releaseIfItHoldsThisApplication() {
    try {
      Class<?> factoryType = Class.forName(FACTORY, false, RestEasyGlobalFactory.class.getClassLoader());
      Object instance = factoryType.getMethod("peekInstance").invoke(null);
      if (!(instance instanceof Configuration) || instance.getClass().getName().equals(THREAD_LOCAL_FACTORY) || !holdsThisApplication((Configuration) instance)) {
        return false;
      }
      Method clear = factoryType.getMethod("clearInstanceIfEqual", factoryType);
      clear.invoke(null, instance);
      LOG.log(Level.FINE, "mp-otel cleared RESTEasy''s JVM-wide provider factory {0}, which had this application''s providers registered", instance);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // not RESTEasy, or its SPI is not visible to applications
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "mp-otel could not inspect RESTEasy's JVM-wide provider factory", e);
      return false;
    }
  }

  private static boolean holdsThisApplication(Configuration factory) {
    return factory.isRegistered(ClientSpanFilter.class) || factory.isRegistered(ServerSpanFilter.class) || factory.isRegistered(ServerRouteFilter.class);
  }
}
