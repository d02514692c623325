package org.yundangke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yundangke.AppSession;
import org.yundangke.Logins;
import org.yundangke.org.Accounts;

/**
 * Logins over HTTP as a browser makes them: the login form needs its CSRF token, wrong passwords slow down and then
 * block the account, a remembered device logs in by itself for 30 days, and every page says what it may load.
 * Each test is a client of its own address behind the proxy, so the counts of one never block another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Accounts accounts;

    @Autowired
    Logins logins;

    final String address = "203.0.113." + (1 + (int) (Math.random() * 250));

    @AfterEach
    void forgetFailures() {
        jdbc.update("delete from login_failure");
    }

    @Test
    void a_login_posted_from_another_site_without_the_token_is_refused() throws Exception {
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=member&password=demo1234")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("remember-me"));
    }

    @Test
    void wrong_passwords_make_the_next_try_wait_and_five_in_a_row_block_the_account_for_a_while() throws Exception {
        String user = "member";
        AppSession browser = AppSession.anonymous(port);
        assertThat(location(browser.attemptLogin(user, "wrong-1", "", address))).endsWith("/login?error");
        assertThat(location(browser.attemptLogin(user, "wrong-2", "", address))).endsWith("/login?error");
        // straight away again: asked to wait, and the password is not even checked
        assertThat(location(browser.attemptLogin(user, "demo1234", "", address))).contains("error=wait");

        for (int attempt = 3; attempt <= LoginThrottle.ACCOUNT_LIMIT; attempt++) {
            secondsPass(60);
            assertThat(location(browser.attemptLogin(user, "wrong-" + attempt, "", address))).endsWith("/login?error");
        }
        secondsPass(60);
        assertThat(location(browser.attemptLogin(user, "demo1234", "", address)))
                .as("blocked even with the right password").contains("error=blocked", "wait=14");
        assertThat(browser.get("/login?error=blocked&wait=14").statusCode()).isEqualTo(200);

        secondsPass(LoginThrottle.BLOCK.toSeconds() + 1);
        assertThat(location(browser.attemptLogin(user, "demo1234", "", address))).doesNotContain("error");
        assertThat(jdbc.queryForObject("select count(*) from login_failure where subject = 'user:member'",
                Integer.class)).as("a right password clears the count").isZero();
    }

    @Test
    void a_burst_of_parallel_guesses_gets_no_more_tries_than_guesses_one_after_another() throws Exception {
        AppSession browser = AppSession.anonymous(port);
        browser.get("/login"); // one session (and CSRF token) for the whole burst
        List<Callable<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "guess-" + i;
            guesses.add(() -> location(browser.attemptLogin("secretary", guess, "", address)));
        }
        ExecutorService parallel = Executors.newFixedThreadPool(20);
        List<String> answers = new ArrayList<>();
        for (Future<String> answer : parallel.invokeAll(guesses)) {
            answers.add(answer.get());
        }
        parallel.shutdown();
        long checked = answers.stream().filter(a -> a.endsWith("/login?error")).count();
        assertThat(checked).as(answers.toString()).isBetween(1L, 2L); // the wait starts after the second
        assertThat(answers).filteredOn(a -> a.contains("error=wait")).hasSize(20 - (int) checked);
    }

    @Test
    void many_wrong_passwords_from_one_address_block_that_address_for_every_account() throws Exception {
        AppSession browser = AppSession.anonymous(port);
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            browser.attemptLogin("guess-" + i + "-" + UUID.randomUUID(), "123456", "", address);
        }
        assertThat(location(browser.attemptLogin("lecturer", "demo1234", "", address))).contains("error=busy");
        assertThat(location(AppSession.anonymous(port).attemptLogin("lecturer", "demo1234", "", "198.51.100.9")))
                .as("another address is not blocked").doesNotContain("error");
    }

    @Test
    void a_remembered_device_logs_in_by_itself_until_the_user_logs_out() throws Exception {
        AppSession device = AppSession.anonymous(port);
        HttpResponse<String> login = device.attemptLogin("lecturer", "demo1234", "&remember-me=on", address);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("remember-me="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=2592000");
        String token = cookie.substring(0, cookie.indexOf(';'));

        // the browser was closed: no session, only the remembered device
        HttpResponse<String> nextDay = get("/api/article-images/none.jpg", token);
        assertThat(nextDay.statusCode()).as("logged in again, the picture is just missing").isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = 'lecturer'",
                Integer.class)).isPositive();

        jdbc.update("delete from persistent_logins where username = 'lecturer'"); // what logout and a reset do
        assertThat(get("/api/article-images/none.jpg", token).statusCode()).isNotEqualTo(404);
    }

    @Test
    void a_password_reset_ends_the_sessions_the_member_is_logged_in_with() throws Exception {
        long memberId = jdbc.queryForObject("select max(m.id) from member m join branch b on b.id = m.primary_branch_id"
                + " where b.name = '梅园新村社区离退休干部党支部' and not exists (select 1 from user_account a"
                + " where a.member_id = m.id)", Long.class);
        String username = "s" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into user_account (username, password_hash, display_name, member_id) values (?, ?, ?, ?)",
                username, encoder.encode("old-password"), "老党员", memberId);
        jdbc.update("insert into user_role (user_id, role) select id, 'MEMBER' from user_account where username = ?",
                username);
        AppSession phone = AppSession.login(port, username, "old-password");
        AppSession secretary = AppSession.login(port, "secretary", "demo1234");
        assertThat(phone.get("/api/article-images/none.jpg").statusCode()).as("logged in").isEqualTo(404);

        logins.as("secretary");
        try {
            accounts.resetPassword(memberId);
        } finally {
            logins.logout();
        }
        HttpResponse<String> after = phone.get("/api/article-images/none.jpg");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(secretary.get("/api/article-images/none.jpg").statusCode()).as("others stay").isEqualTo(404);
    }

    @Test
    void pages_say_what_they_may_load_and_the_session_cookie_stays_on_this_site() throws Exception {
        HttpResponse<String> page = get("/login", null);
        assertThat(page.headers().firstValue("Content-Security-Policy")).as(page.headers().map().toString()).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'", "form-action 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> viaHttps = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaHttps.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=")
                && c.contains("Secure"));

        HttpResponse<String> anonymous = get("/member", null);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).doesNotContainIgnoringCase("jsessionid");
        assertThat(anonymous.body()).doesNotContainIgnoringCase("jsessionid=");
    }

    /** Moves the recorded failures into the past, as if this many seconds had gone by. */
    private void secondsPass(long seconds) {
        jdbc.queryForList("select subject, last_failure_at from login_failure").forEach(row -> jdbc.update(
                "update login_failure set last_failure_at = ? where subject = ?",
                Timestamp.from(((java.time.OffsetDateTime) row.get("last_failure_at")).toInstant()
                        .minusSeconds(seconds)), row.get("subject")));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
