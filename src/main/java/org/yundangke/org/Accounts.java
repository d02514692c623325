package org.yundangke.org;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.SignedIn;
import org.yundangke.base.UserError;

/**
 * Members' logins and their passwords: a secretary opens a login for a member of their branch who has none, or resets
 * one (an admin: in their subtree), each with a one-time password that must be changed at the next login; a reset
 * signs the user out everywhere (remembered devices and open sessions), a change everywhere but here. Only plain
 * members' logins can be reset this way: a secretary's or admin's login stays with its owner.
 */
@Service
public class Accounts {

    static final int MIN_PASSWORD_LENGTH = 6;
    /** What the password hash reads of a password (bcrypt: 72 bytes; a Chinese character takes 3). */
    static final int MAX_PASSWORD_BYTES = 72;
    /** Digits only: read out over the phone or written on a slip of paper for an old member. */
    static final int ONE_TIME_DIGITS = 8;

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final UserAccountRepository accounts;
    private final MemberRepository members;
    private final OrgDirectory directory;
    private final PasswordEncoder encoder;
    private final SignedIn signedIn;
    private final SecureRandom random = new SecureRandom();

    Accounts(UserAccountRepository accounts, MemberRepository members, OrgDirectory directory,
             PasswordEncoder encoder, SignedIn signedIn) {
        this.accounts = accounts;
        this.members = members;
        this.directory = directory;
        this.encoder = encoder;
        this.signedIn = signedIn;
    }

    /** A new one-time password for the member's login, to hand over in person; they are signed out everywhere. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public String resetPassword(long memberId) {
        directory.requireMemberInScope(memberId);
        UserAccount account = accounts.findByMemberId(memberId)
                .orElseThrow(() -> new UserError("account.reset.no-login"));
        if (!account.getRoles().equals(Set.of(Role.MEMBER))) {
            throw new AccessDeniedException(CurrentUser.name() + " may not reset the staff login "
                    + account.getUsername());
        }
        String password = oneTimePassword();
        account.passwordSetByOthers(encoder.encode(password));
        signedIn.endEverywhere(account.getUsername());
        log.info("Password of {} reset by {}", account.getUsername(), CurrentUser.name());
        return password;
    }

    /** A member's new login: the user name to type and the one-time password to hand over with it. */
    public record NewLogin(String username, String oneTimePassword) {
    }

    /**
     * Opens a login for a member of the caller's branch (an admin: of their area) who has none: the user name is the
     * member's mobile number when the branch keeps one that no one uses yet (easy to remember and to type on a phone),
     * else "yd" and the member's number; the password is one-time, so the first login asks for their own.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public NewLogin openFor(long memberId) {
        directory.requireMemberInScope(memberId);
        if (accounts.findByMemberId(memberId).isPresent()) {
            throw new UserError("account.open.exists");
        }
        return open(members.findById(memberId).orElseThrow());
    }

    /** The login of {@link #openFor}, for a member the caller was allowed to reach (or just imported). */
    NewLogin open(Member member) {
        String username = Mobile.digits(member.getPhone()).filter(phone -> accounts.findByUsername(phone).isEmpty())
                .orElse("yd" + member.getId());
        String password = oneTimePassword();
        UserAccount account = new UserAccount(username, "", member.getName()).asMember(member.getId());
        account.passwordSetByOthers(encoder.encode(password));
        accounts.save(account);
        log.info("Login {} opened for member {} by {}", username, member.getId(), CurrentUser.name());
        return new NewLogin(username, password);
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < ONE_TIME_DIGITS; i++) {
            password.append(random.nextInt(10));
        }
        return password.toString();
    }

    /** Whether the user logged in with a password someone else set and must choose their own first. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return accounts.findByUsername(username).map(UserAccount::mustChangePassword).orElse(false);
    }

    /**
     * The caller's own new password (twice, as typed), with the current one unless a one-time password is being
     * replaced; the user's other sessions and remembered devices must log in again.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeMyPassword(String current, String newPassword, String repeated) {
        UserAccount account = accounts.findByUsername(CurrentUser.name()).orElseThrow();
        if (!account.mustChangePassword() && !encoder.matches(current, account.getPasswordHash())) {
            throw new UserError("account.password.current-wrong");
        }
        if (newPassword.length() < MIN_PASSWORD_LENGTH
                || newPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new UserError("account.password.length", MIN_PASSWORD_LENGTH, MAX_PASSWORD_BYTES / 3);
        }
        if (!newPassword.equals(repeated)) {
            throw new UserError("account.password.mismatch");
        }
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw new UserError("account.password.same");
        }
        account.passwordChosen(encoder.encode(newPassword));
        signedIn.endElsewhere(account.getUsername());
    }
}
