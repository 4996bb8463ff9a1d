#pragma once

#include <QJsonObject>
#include <QStringList>

#include <mutex>

namespace fake {

class CloudState;
class Exchange;
struct Image;
struct Token;

// Glance v2 under /image: list/show/create/PATCH/DELETE, streamed upload (PUT file) and download
// (GET file, with single-range requests answered 206 exactly as Glance does).
class ImageService
{
public:
    explicit ImageService(CloudState &state);
    void handle(Exchange &ex, const QStringList &segments);

    QJsonObject imageJson(const Image &image) const;
    // Whether a project may see the image (public, community or its own).
    static bool visibleTo(const Image &image, const QString &projectId);
    static const QStringList &diskFormats();
    static const QStringList &containerFormats();

private:
    void versions(Exchange &ex);
    void listImages(Exchange &ex, const Token &token);
    void createImage(Exchange &ex, const Token &token);
    void showImage(Exchange &ex, const Token &token, const QString &id);
    void patchImage(Exchange &ex, const Token &token, const QString &id);
    void deleteImage(Exchange &ex, const Token &token, const QString &id);
    void upload(Exchange &ex, const Token &token, const QString &id, std::unique_lock<std::recursive_mutex> &lock);
    void download(Exchange &ex, const Token &token, const QString &id);
    Image *findImage(Exchange &ex, const Token &token, const QString &id);
    CloudState &m_state;
};

} // namespace fake
