package nl.afsprakenwiki.web;

/** Locations of the front-end libraries served from WebJars (versions must match pom.xml). */
public final class Assets {

    public static final String HTMX = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";
    public static final String EASYMDE_JS = "/webjars/easymde/2.18.0/dist/easymde.min.js";
    public static final String EASYMDE_CSS = "/webjars/easymde/2.18.0/dist/easymde.min.css";
    public static final String SWAGGER_UI_JS = "/webjars/swagger-ui/5.27.1/swagger-ui-bundle.js";
    public static final String SWAGGER_UI_CSS = "/webjars/swagger-ui/5.27.1/swagger-ui.css";
    public static final String FONT_AWESOME_CSS = "/webjars/font-awesome/4.7.0/css/font-awesome.min.css";

    private Assets() {
    }
}
