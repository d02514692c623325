package org.yundangke.media;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface MediaRepository extends JpaRepository<Media, UUID> {

    Page<Media> findByOwnerUsernameAndStateNot(String owner, MediaState state, Pageable pageable);

    Page<Media> findByStateNot(MediaState state, Pageable pageable);

    List<Media> findByStateIn(List<MediaState> states);
}
