package org.yundangke.catalogue;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yundangke.base.CurrentUser;

/** Serves a picture of an article to those who may read the article (its uploader, before it is saved). */
@RestController
class ArticleImageController {

    private final ArticleImages images;
    private final Catalogue catalogue;

    ArticleImageController(ArticleImages images, Catalogue catalogue) {
        this.images = images;
        this.catalogue = catalogue;
    }

    @GetMapping(ArticleImages.URL_PREFIX + "{name}")
    ResponseEntity<byte[]> image(@PathVariable String name) {
        ArticleImages.Stored stored = images.find(name).orElse(null);
        if (stored == null) {
            return ResponseEntity.notFound().build();
        }
        if (stored.lessonId() == null) {
            if (!stored.ownerUsername().equals(CurrentUser.name()) && !CurrentUser.isAdmin()) {
                throw new AccessDeniedException("not yet in an article: " + name);
            }
        } else {
            catalogue.open(stored.lessonId()); // refuses a reader outside the article's audience
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(images.read(name));
    }
}
