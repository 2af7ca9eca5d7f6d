package org.attesta.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Hashtable;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Brings the schema up to date and only then publishes the application DataSource.
 *
 * <p>pax-jdbc publishes the configured database as {@code osgi.jndi.service.name=attesta-raw};
 * the persistence units and the bulk importers look up {@code attesta}. Registering the
 * latter after the migrations have run is what guarantees that no EntityManager ever sees an
 * old schema, without any ordering between the bundles that use it.
 */
@Component(immediate = true, configurationPid = "org.attesta.persistence")
@Designate(ocd = SchemaMigrator.Config.class)
public class SchemaMigrator {

    @ObjectClassDefinition(name = "Attesta persistence", description = "Schema migrations of the Attesta database")
    public @interface Config {
        @AttributeDefinition(description = "Name under which the migrated DataSource is published")
        String published_name() default "attesta";
    }

    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

    private final ServiceRegistration<DataSource> registration;

    @Activate
    public SchemaMigrator(
            BundleContext context,
            Config config,
            @Reference(target = "(osgi.jndi.service.name=attesta-raw)") DataSource raw) throws SQLException {
        long started = System.nanoTime();
        int applied = new Migrations(raw).apply();
        LOG.log(System.Logger.Level.INFO, "Database schema is current ({0} change sets applied in {1} ms)",
                applied, (System.nanoTime() - started) / 1_000_000);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.jndi.service.name", config.published_name());
        properties.put("attesta.database.product", productName(raw));
        registration = context.registerService(DataSource.class, raw, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    private static String productName(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }
}
