package org.yundangke.org;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CommitteeRepository extends JpaRepository<Committee, Long> {

    List<Committee> findByPathStartingWithOrderByPath(String pathPrefix);
}
