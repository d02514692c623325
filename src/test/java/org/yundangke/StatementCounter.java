package org.yundangke;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Records the SQL statements the current thread sends while {@link #during} runs, whatever sends them (Hibernate,
 * JdbcTemplate, Spring Security): for tests that bound how many statements a page costs. Other threads (the job
 * server polling its tables) are not counted. Only in the contexts of tests that import it: it wraps every
 * connection, which no other test (and no benchmark) should pay for.
 */
@TestConfiguration
public class StatementCounter implements BeanPostProcessor {

    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    /** The statements {@code action} sent on this thread, in order. */
    public static List<String> during(Runnable action) {
        List<String> recorded = new ArrayList<>();
        RECORDED.set(recorded);
        try {
            action.run();
        } finally {
            RECORDED.remove();
        }
        return recorded;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
            return new DelegatingDataSource(dataSource) {
                @Override
                public Connection getConnection() throws SQLException {
                    return counting(super.getConnection());
                }

                @Override
                public Connection getConnection(String username, String password) throws SQLException {
                    return counting(super.getConnection(username, password));
                }
            };
        }
        return bean;
    }

    private static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                record(sql);
            }
            return null;
        }, result -> result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)
                ? proxy(Statement.class, statement, (method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                        record(sql);
                    }
                    return null;
                }, r -> r) : result);
    }

    private static void record(String sql) {
        List<String> recorded = RECORDED.get();
        if (recorded != null) {
            recorded.add(sql);
        }
    }

    private interface Before {
        Object see(Method method, Object[] args);
    }

    private interface After {
        Object wrap(Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Before before, After after) {
        InvocationHandler handler = (p, method, args) -> {
            before.see(method, args);
            try {
                return after.wrap(method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
