package org.yundangke.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findByMemberIdIn(Collection<Long> memberIds);

    Optional<UserAccount> findByMemberId(long memberId);
}
