package dev.mpotel.it.servers.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample application's Jakarta REST root: every resource lives under {@code /<context root>/api}. */
@ApplicationPath("/api")
public class ShopApplication extends Application {}
