package org.yundangke.base;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserPreferenceRepository extends JpaRepository<UserPreference, String> {
}
