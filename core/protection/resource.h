#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sv {

// Karbor's resource types, kept verbatim so that a checkpoint's graph reads like Karbor's.
inline constexpr auto ServerResourceType = "OS::Nova::Server";
inline constexpr auto ImageResourceType = "OS::Glance::Image";
inline constexpr auto VolumeResourceType = "OS::Cinder::Volume";

// The keys the protection engine writes into a checkpoint index (core/bank/FORMAT.md) and its readers
// (CheckpointDetails, RestoreJob) read: spelled once, here.
namespace CheckpointKey {
// index `options`
inline constexpr auto IncludeData = "include_data";
inline constexpr auto OriginalImageOnly = "original_image_only";
inline constexpr auto VolumeSelection = "volumes"; // the selection as text: "all", "none", "NAME,ID,..."
// the server resource's `metadata` (the server protection plugin's rebuild data)
inline constexpr auto Name = "name";
inline constexpr auto Cloud = "cloud";   // the saved cloud's name the backup was taken from
inline constexpr auto Region = "region"; // its region ("" for the cloud's default)
inline constexpr auto Flavor = "flavor"; // {"id", "name", "ram", "vcpus", "disk"}
inline constexpr auto Id = "id";
inline constexpr auto KeyName = "key_name";
inline constexpr auto Networks = "networks"; // [{"name", "fixed_ips"}]
inline constexpr auto SecurityGroups = "security_groups";
inline constexpr auto AvailabilityZone = "availability_zone";
inline constexpr auto ServerMetadata = "metadata";
inline constexpr auto VolumesNotIncluded = "volumes_not_included"; // [{"id", "name"}]
inline constexpr auto BootFromVolume = "boot_from_volume"; // bool: the server's root disk is a volume
// faithful rebuild (rebuilddata.h; absent in checkpoints made before 2026-12-06)
inline constexpr auto Nics = "nics"; // [{"network_id", "network_name", "fixed_ips": [{"ip_address", "subnet_id"}], "security_groups": [names], "mac_address"}]
inline constexpr auto NicsError = "nics_error"; // why the ports could not be read (then no "nics")
inline constexpr auto NetworkId = "network_id";
inline constexpr auto NetworkName = "network_name";
inline constexpr auto FixedIps = "fixed_ips";
inline constexpr auto IpAddress = "ip_address";
inline constexpr auto SubnetId = "subnet_id";
inline constexpr auto MacAddress = "mac_address";
inline constexpr auto Tags = "tags";
inline constexpr auto ConfigDrive = "config_drive"; // bool
inline constexpr auto UserData = "user_data";       // base64 as Nova returned it
inline constexpr auto UserDataState = "user_data_state"; // "saved", "none" or "not_visible"
inline constexpr auto ServerGroups = "server_groups"; // [{"id", "name", "policy"}]
inline constexpr auto Policy = "policy";
// the image resource's `metadata`
inline constexpr auto Properties = "properties";
inline constexpr auto BackedUpImageId = "backed_up_image_id";
inline constexpr auto OriginalImageId = "original_image_id";
inline constexpr auto FromServerSnapshot = "from_server_snapshot";
inline constexpr auto MinDisk = "min_disk";
inline constexpr auto MinRam = "min_ram";
// a volume resource's `extra_info` (server_id, device, boot_index) and `metadata`
inline constexpr auto ServerId = "server_id";
inline constexpr auto Device = "device";         // "/dev/vdb" as attached ("" when Cinder does not say)
inline constexpr auto BootIndex = "boot_index";  // 0 for the boot volume, -1 otherwise
inline constexpr auto SizeGb = "size_gb";
inline constexpr auto VolumeType = "volume_type";
inline constexpr auto Bootable = "bootable";
inline constexpr auto Description = "description";
inline constexpr auto VolumeImageMetadata = "volume_image_metadata"; // Cinder's, for a bootable volume
inline constexpr auto BackedUpSnapshotId = "backed_up_snapshot_id";
} // namespace CheckpointKey

// The index's `consistency`: what is known about the state of the disk that was saved.
namespace ConsistencyToken {
inline constexpr auto OriginalImage = "original-image";     // no snapshot: the image the server booted from
inline constexpr auto CrashConsistent = "crash-consistent"; // a snapshot; the image has no guest agent
inline constexpr auto QuiesceRequested = "quiesce-requested"; // a snapshot; the guest agent lets Nova try a freeze
inline constexpr auto LegacyQuiesced = "quiesced"; // written before 2026-12; read as QuiesceRequested
} // namespace ConsistencyToken

// One protectable resource. A server's boot image carries extra_info = {"server_id": <server id>}
// (the seed's contract): the image protection plugin reads it to snapshot that server. An attached
// volume carries extra_info = {"server_id", "device", "boot_index"}.
struct Resource
{
    QString type;
    QString id;
    QString name;
    QJsonObject extraInfo;
    QList<Resource> children;

    bool isServer() const { return type == QLatin1String(ServerResourceType); }
    bool isImage() const { return type == QLatin1String(ImageResourceType); }
    bool isVolume() const { return type == QLatin1String(VolumeResourceType); }
    QString serverIdOfImage() const; // extra_info.server_id, empty when absent

    QJsonObject toJson() const;
    static Resource fromJson(const QJsonObject &json);
};

} // namespace sv
