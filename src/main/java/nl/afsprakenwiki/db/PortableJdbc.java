package nl.afsprakenwiki.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.BitSet;

/**
 * Makes PostgreSQL's driver behave as SQLite's where the application relies on it, so that its statements
 * and mappers stay the same text on both databases. It wraps a connection and what it produces:
 * <ul>
 *   <li>A truth value reads as a number. The schema keeps truth values as 0 and 1 on both databases, but a
 *       comparison in a query ({@code password_hash IS NOT NULL AS has_password}, {@code EXISTS (...)}) is a
 *       {@code boolean} on PostgreSQL, and its driver refuses {@code getInt} on one: {@code getInt},
 *       {@code getLong} and {@code getObject} of a boolean column answer 1 or 0 (NULL stays NULL).</li>
 *   <li>A bound text with a NUL character: PostgreSQL cannot hold one in text and refuses the whole
 *       statement, where SQLite compares or stores it. The wiki's texts never hold NUL (text/CleanText
 *       removes it from what is saved), so such a value only comes from hostile input, a search or a filter;
 *       it is bound with U+FFFD in its place - it matches nothing stored, as on SQLite, instead of failing.</li>
 * </ul>
 */
final class PortableJdbc implements InvocationHandler {

    private final Object target;
    private BitSet truthColumns;

    private PortableJdbc(Object target) {
        this.target = target;
    }

    /** {@code connection}, with every result set it produces reading truth values as numbers. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(PortableJdbc.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new PortableJdbc(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (target instanceof PreparedStatement && args != null && args.length == 2 && args[1] instanceof String text
                && text.indexOf('\u0000') >= 0 && method.getName().equals("setString")) {
            args = new Object[] {args[0], text.replace('\u0000', '\uFFFD')};
        }
        if (target instanceof ResultSet results && args != null && args.length == 1 && isNumberGetter(method)) {
            int column = args[0] instanceof Integer index ? index : results.findColumn((String) args[0]);
            if (truthColumns(results).get(column)) {
                boolean value = results.getBoolean(column);
                if (results.wasNull() && method.getName().equals("getObject")) {
                    return null;
                }
                int number = value ? 1 : 0;
                if (method.getReturnType() == long.class) {
                    return Long.valueOf(number);
                }
                return Integer.valueOf(number);
            }
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return wrapResult(method, result);
    }

    private static boolean isNumberGetter(Method method) {
        String name = method.getName();
        return name.equals("getInt") || name.equals("getLong") || name.equals("getObject");
    }

    private BitSet truthColumns(ResultSet results) throws SQLException {
        if (truthColumns == null) {
            ResultSetMetaData meta = results.getMetaData();
            BitSet found = new BitSet();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                int type = meta.getColumnType(column);
                if (type == Types.BIT || type == Types.BOOLEAN) {
                    found.set(column);
                }
            }
            truthColumns = found;
        }
        return truthColumns;
    }

    private static Object wrapResult(Method method, Object result) {
        if (result == null) {
            return null;
        }
        Class<?> type = method.getReturnType();
        Class<?> face = type == ResultSet.class ? ResultSet.class
                : type == CallableStatement.class ? CallableStatement.class
                : type == PreparedStatement.class ? PreparedStatement.class
                : type == Statement.class ? Statement.class : null;
        if (face == null || Proxy.isProxyClass(result.getClass()) && Proxy.getInvocationHandler(result) instanceof PortableJdbc) {
            return result;
        }
        return Proxy.newProxyInstance(PortableJdbc.class.getClassLoader(), new Class<?>[] {face}, new PortableJdbc(result));
    }
}
