package org.attesta.registry.internal;

import java.sql.SQLException;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.attesta.api.common.AttestaException;
import org.attesta.api.common.ConflictException;

/**
 * Runs work in a transaction of the registry's persistence unit and turns what escapes into
 * the failures callers understand: our own exceptions unwrapped from the template's wrapping,
 * a broken unique key into a conflict (never the SQL text, which may carry personal data).
 */
public final class Tx {
    private final JpaTemplate jpa;

    public Tx(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    public <R> R call(EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    public void run(EmConsumer work) {
        try {
            jpa.tx(TransactionType.Required, work);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AttestaException attesta) {
                return attesta;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return new ConflictException("conflict",
                        "Запись противоречит уже сохранённым данным (повторяющийся код или документ). "
                                + "Обновите страницу и проверьте данные.");
            }
        }
        return failure;
    }
}
