package org.yundangke.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UploadSessionRepository extends JpaRepository<UploadSession, UUID> {

    Optional<UploadSession> findFirstByFingerprint(String fingerprint);

    List<UploadSession> findByUpdatedAtBefore(Instant cutoff);
}
