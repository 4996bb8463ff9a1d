<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Saved Clouds</source>
        <translation>已保存的云</translation>
    </message>
</context>
<context>
    <name>sv::AppSettings</name>
    <message>
        <source>%1: [%2] %3 = &quot;%4&quot; is not a yes/no value; write true or false (yes/no, on/off and 1/0 work too).</source>
        <translation>%1：[%2] %3 = &quot;%4&quot; 不是是/否值；请写 true 或 false（yes/no、on/off 和 1/0 也可以）。</translation>
    </message>
    <message>
        <source>%1: [protection] back_up_volumes: %2</source>
        <translation>%1：[protection] back_up_volumes：%2</translation>
    </message>
</context>
<context>
    <name>sv::BackupJob</name>
    <message>
        <source>Back up %1</source>
        <translation>备份 %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>There is no server named %1 in cloud %2.</source>
        <translation>云 %2 中没有名为 %1 的服务器。</translation>
    </message>
    <message numerus="yes">
        <source>%n servers are named %1 in cloud %2; give the server&apos;s id instead.</source>
        <translation>
            <numerusform>云 %2 中有 %n 台服务器名为 %1；请改用服务器的 ID。</numerusform>
        </translation>
    </message>
    <message>
        <source>The original image %1 of server %2 no longer exists, so it cannot be backed up alone. Turn on &quot;Include server data&quot; to back up a snapshot of the server instead.</source>
        <translation>服务器 %2 的原始镜像 %1 已不存在，因此无法单独备份。请开启“包含服务器数据”，改为备份服务器的快照。</translation>
    </message>
    <message>
        <source>The snapshot of server %1 disappeared while it was being made (OpenStack deletes a failed snapshot). Check the server&apos;s state and try again.</source>
        <translation>服务器 %1 的快照在创建过程中消失了（OpenStack 会删除失败的快照）。请检查服务器状态后重试。</translation>
    </message>
    <message>
        <source>The snapshot of server %1 ended in status %2 instead of active; OpenStack could not save the server&apos;s disk. Check the compute and image services&apos; logs, then try again.</source>
        <translation>服务器 %1 的快照最终状态为 %2 而不是 active；OpenStack 无法保存服务器的磁盘。请检查计算服务和镜像服务的日志后重试。</translation>
    </message>
    <message>
        <source>the snapshot of server %1</source>
        <translation>服务器 %1 的快照</translation>
    </message>
    <message>
        <source>image %1 of server %2</source>
        <translation>服务器 %2 的镜像 %1</translation>
    </message>
    <message>
        <source>The download of %1 ended after %2 of %3 bytes; nothing was saved. Try again.</source>
        <translation>%1 的下载在 %2/%3 字节处结束；未保存任何内容。请重试。</translation>
    </message>
    <message>
        <source>The bytes downloaded for %1 do not match the image&apos;s MD5 checksum; nothing was saved. Try again; if it persists, the image in the cloud may be damaged.</source>
        <translation>为 %1 下载的数据与镜像的 MD5 校验和不符；未保存任何内容。请重试；如果问题仍然存在，云中的镜像可能已损坏。</translation>
    </message>
    <message>
        <source>expected md5 %1, got %2</source>
        <translation>预期 md5 %1，实际 %2</translation>
    </message>
    <message>
        <source>The bytes downloaded for %1 do not match the image&apos;s SHA-512 hash; nothing was saved.</source>
        <translation>为 %1 下载的数据与镜像的 SHA-512 哈希不符；未保存任何内容。</translation>
    </message>
    <message>
        <source>expected sha512 %1, got %2</source>
        <translation>预期 sha512 %1，实际 %2</translation>
    </message>
    <message>
        <source>%1 has no data (0 bytes); nothing was saved.</source>
        <translation>%1 没有数据（0 字节）；未保存任何内容。</translation>
    </message>
    <message>
        <source>Internal error: the checkpoint has no image resource for server %1.</source>
        <translation>内部错误：检查点中没有服务器 %1 的镜像资源。</translation>
    </message>
    <message>
        <source>Backed up the original image of server %1 (%2 bytes); data written since boot is not included.</source>
        <translation>已备份服务器 %1 的原始镜像（%2 字节）；不包含自启动以来写入的数据。</translation>
    </message>
    <message>
        <source>Backed up server %1 with its data (%2 bytes, %3 bytes new in the backup storage; %4).</source>
        <translation>已备份服务器 %1 及其数据（%2 字节，备份存储中新增 %3 字节；%4）。</translation>
    </message>
    <message>
        <source>Server %1 has no attached volume, so %2 cannot be backed up with it.</source>
        <translation>服务器 %1 没有挂载任何卷，因此无法随它备份 %2。</translation>
    </message>
    <message>
        <source>Server %1 has no attached volume %2; its attached volumes are: %3. Choose among those (by name or id), or all or none.</source>
        <translation>服务器 %1 没有挂载卷 %2；它挂载的卷为：%3。请从中选择（按名称或 ID），或选择 all 或 none。</translation>
    </message>
    <message>
        <source>Volume %1 attached to server %2 cannot be backed up: Cinder could not describe it (%3). Try again, or leave the volume out of the backup.</source>
        <translation>无法备份挂载在服务器 %2 上的卷 %1：Cinder 无法提供它的信息（%3）。请重试，或在备份中不包含该卷。</translation>
    </message>
    <message>
        <source>Cinder could not snapshot volume %1 of server %2: %3</source>
        <translation>Cinder 无法为服务器 %2 的卷 %1 创建快照：%3</translation>
    </message>
    <message>
        <source>Nova&apos;s snapshot of server %1, which boots from a volume, names no volume snapshot (its block_device_mapping is empty or unreadable); nothing was backed up.</source>
        <translation>Nova 为从卷启动的服务器 %1 创建的快照未列出任何卷快照（其 block_device_mapping 为空或无法读取）；未备份任何内容。</translation>
    </message>
    <message>
        <source>The volume snapshot %1 that Nova made of server %2 cannot be read: %3</source>
        <translation>无法读取 Nova 为服务器 %2 创建的卷快照 %1：%3</translation>
    </message>
    <message>
        <source>Backing up volume %1 of server %2 failed: %3 Check the block storage service&apos;s logs, then try again.</source>
        <translation>备份服务器 %2 的卷 %1 失败：%3 请检查块存储服务的日志后重试。</translation>
    </message>
    <message>
        <source>Backing up volume %1 of server %2 failed: %3</source>
        <translation>备份服务器 %2 的卷 %1 失败：%3</translation>
    </message>
    <message>
        <source>Temporary copy of volume %1 made by a StackVault backup of server %2; deleted when the backup ends.</source>
        <translation>StackVault 备份服务器 %2 时创建的卷 %1 的临时副本；备份结束时删除。</translation>
    </message>
    <message>
        <source>Cinder could not make a temporary volume from the snapshot of volume %1 (server %2): %3</source>
        <translation>Cinder 无法从卷 %1（服务器 %2）的快照创建临时卷：%3</translation>
    </message>
    <message>
        <source>the temporary copy of volume %1</source>
        <translation>卷 %1 的临时副本</translation>
    </message>
    <message>
        <source>The temporary volume made from the snapshot of volume %1 (server %2) did not become available: %3</source>
        <translation>从卷 %1（服务器 %2）的快照创建的临时卷未变为可用：%3</translation>
    </message>
    <message>
        <source>Cinder could not copy volume %1 of server %2 into a temporary image: %3</source>
        <translation>Cinder 无法将服务器 %2 的卷 %1 复制到临时镜像：%3</translation>
    </message>
    <message>
        <source>Cinder&apos;s copy of volume %1 (server %2) into a temporary image failed: %3 Check the block storage and image services&apos; logs, then try again.</source>
        <translation>Cinder 将卷 %1（服务器 %2）复制到临时镜像失败：%3 请检查块存储服务和镜像服务的日志后重试。</translation>
    </message>
    <message>
        <source>volume %1 of server %2</source>
        <translation>服务器 %2 的卷 %1</translation>
    </message>
    <message>
        <source>The download of %1 failed: %2</source>
        <translation>%1 下载失败：%2</translation>
    </message>
    <message>
        <source>Volumes included: %1.</source>
        <translation>包含的卷：%1。</translation>
    </message>
    <message>
        <source>snapshot %1 of server %2</source>
        <translation>服务器 %2 的快照 %1</translation>
    </message>
    <message>
        <source>image %1 (a copy of volume %2)</source>
        <translation>镜像 %1（卷 %2 的副本）</translation>
    </message>
    <message>
        <source>volume %1 (a copy of volume %2)</source>
        <translation>卷 %1（卷 %2 的副本）</translation>
    </message>
    <message>
        <source>volume snapshot %1</source>
        <translation>卷快照 %1</translation>
    </message>
    <message>
        <source>volume snapshot %1 (of volume %2)</source>
        <translation>卷快照 %1（卷 %2 的快照）</translation>
    </message>
    <message>
        <source>Something the backup made could not be deleted: the temporary %1 (%2). StackVault tries again when the desktop app starts next or before the next backup or restore on this cloud.</source>
        <translation>备份创建的资源无法删除：临时的%1（%2）。StackVault 会在桌面应用下次启动时或在此云上进行下一次备份或恢复之前重试。</translation>
    </message>
    <message>
        <source>The server groups of server %1 could not be read: %2</source>
        <translation>无法读取服务器 %1 的服务器组：%2</translation>
    </message>
</context>
<context>
    <name>sv::BankService</name>
    <message>
        <source>Backup storage &quot;%1&quot;: a Swift container is given as swift:CLOUD/CONTAINER (a saved cloud&apos;s name and a container name).</source>
        <translation>备份存储“%1”：Swift 容器的写法是 swift:CLOUD/CONTAINER（已保存云的名称和容器名称）。</translation>
    </message>
    <message>
        <source>StackVault has not signed in to the cloud %1 of the backup storage yet; wait for the backups list to load.</source>
        <translation>StackVault 尚未登录备份存储所在的云 %1；请等待备份列表加载完成。</translation>
    </message>
    <message>
        <source>The backup storage is a Swift container of the cloud %1, which is not saved. Choose another backup storage in Preferences (or --bank), or save the cloud.</source>
        <translation>备份存储是云 %1 的 Swift 容器，但该云未保存。请在首选项中（或用 --bank）选择其他备份存储，或保存该云。</translation>
    </message>
    <message>
        <source>StackVault is shutting down.</source>
        <translation>StackVault 正在退出。</translation>
    </message>
    <message>
        <source>No backup storage is set: give a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET.</source>
        <translation>未设置备份存储：请指定一个文件夹、swift:CLOUD/CONTAINER 或 s3:PROFILE/BUCKET。</translation>
    </message>
    <message>
        <source>Backup storage &quot;%1&quot;: an S3 bucket is given as s3:PROFILE/BUCKET (a saved S3 profile&apos;s name and a bucket name).</source>
        <translation>备份存储“%1”：S3 存储桶的写法是 s3:PROFILE/BUCKET（已保存的 S3 配置名称和存储桶名称）。</translation>
    </message>
    <message>
        <source>The S3 backup storage %1 is not open yet; wait for the backups list to load.</source>
        <translation>S3 备份存储 %1 尚未打开；请等待备份列表加载完成。</translation>
    </message>
    <message>
        <source>%1 Give it in %2 or run the command in a terminal.</source>
        <translation>%1 请在 %2 中提供，或在终端中运行该命令。</translation>
    </message>
    <message>
        <source>The backup storage %1 names the S3 profile %2, which is not saved. Add it in Preferences (or with stackvault-cli s3 add %2 ...).</source>
        <translation>备份存储 %1 引用了 S3 配置 %2，但该配置未保存。请在首选项中添加（或使用 stackvault-cli s3 add %2 ...）。</translation>
    </message>
    <message>
        <source>No secret key of S3 profile %1 is in the keyring. Enter it again in Preferences (or with stackvault-cli s3 add %1 ...).</source>
        <translation>密钥环中没有 S3 配置 %1 的私有密钥。请在首选项中重新输入（或使用 stackvault-cli s3 add %1 ...）。</translation>
    </message>
</context>
<context>
    <name>sv::CheckpointDetails</name>
    <message>
        <source>original image</source>
        <translation>原始镜像</translation>
    </message>
    <message>
        <source>crash-consistent</source>
        <translation>崩溃一致</translation>
    </message>
    <message>
        <source>quiesce requested</source>
        <translation>已请求静默</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (os_require_quiesce=yes)</source>
        <translation>%1（os_require_quiesce=yes）</translation>
    </message>
    <message>
        <source>No snapshot was taken: this is the image the server booted from, without the data written since boot.</source>
        <translation>未创建快照：这是服务器启动时使用的镜像，不含启动后写入的数据。</translation>
    </message>
    <message>
        <source>A snapshot taken without asking the guest to freeze its file systems (the image has no QEMU guest agent): the disk is as after a power cut.</source>
        <translation>创建快照时未请求客户机冻结其文件系统（镜像没有 QEMU 客户机代理）：磁盘状态如同断电之后。</translation>
    </message>
    <message>
        <source>A snapshot of a server whose image has the QEMU guest agent, so Nova tried to freeze the guest&apos;s file systems first; with os_require_quiesce=yes it fails a live snapshot whose freeze fails. The OpenStack API does not report whether the freeze happened.</source>
        <translation>该服务器的镜像带有 QEMU 客户机代理，因此 Nova 先尝试冻结客户机的文件系统；设置 os_require_quiesce=yes 时，冻结失败会使在线快照失败。OpenStack API 不报告冻结是否实际发生。</translation>
    </message>
    <message>
        <source>A snapshot of a server whose image has the QEMU guest agent, so Nova tried to freeze the guest&apos;s file systems first; if the freeze failed, Nova went on without it. The OpenStack API does not report whether the freeze happened.</source>
        <translation>该服务器的镜像带有 QEMU 客户机代理，因此 Nova 先尝试冻结客户机的文件系统；如果冻结失败，Nova 会不冻结继续进行。OpenStack API 不报告冻结是否实际发生。</translation>
    </message>
    <message>
        <source>This backup does not record how consistent its disk is.</source>
        <translation>此备份未记录其磁盘的一致性。</translation>
    </message>
    <message>
        <source>Attached volumes NOT included in this backup: %1.</source>
        <translation>此备份未包含的已挂载卷：%1。</translation>
    </message>
</context>
<context>
    <name>sv::CloudConfigImporter</name>
    <message>
        <source>%1: there is no cloud named &quot;%2&quot; (found: %3).</source>
        <translation>%1：没有名为“%2”的云（找到：%3）。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No clouds.yaml was found (looked in $OS_CLIENT_CONFIG_FILE, %1).</source>
        <translation>未找到 clouds.yaml（已查找 $OS_CLIENT_CONFIG_FILE、%1）。</translation>
    </message>
    <message>
        <source>environment variable OS_CLOUD names &quot;%1&quot;, but no clouds.yaml was found (looked in $OS_CLIENT_CONFIG_FILE, %2).</source>
        <translation>环境变量 OS_CLOUD 指定了“%1”，但未找到 clouds.yaml（已查找 $OS_CLIENT_CONFIG_FILE、%2）。</translation>
    </message>
    <message>
        <source>environment variable OS_CLOUD: %1 has no cloud named &quot;%2&quot; (found: %3).</source>
        <translation>环境变量 OS_CLOUD：%1 中没有名为“%2”的云（找到：%3）。</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>Neither OS_AUTH_URL nor OS_CLOUD is set: load your OpenStack RC file first (for example `source project-openrc.sh`).</source>
        <translation>OS_AUTH_URL 和 OS_CLOUD 均未设置：请先加载 OpenStack RC 文件（例如 `source project-openrc.sh`）。</translation>
    </message>
    <message>
        <source>%1: not valid YAML: %2</source>
        <translation>%1：不是有效的 YAML：%2</translation>
    </message>
    <message>
        <source>%1 (key %2): not valid YAML: %3</source>
        <translation>%1（键 %2）：不是有效的 YAML：%3</translation>
    </message>
    <message>
        <source>%1: there is no key clouds, so no cloud is defined.</source>
        <translation>%1：没有 clouds 键，因此未定义任何云。</translation>
    </message>
    <message>
        <source>%1: key clouds: the file must be a map with a key clouds.</source>
        <translation>%1：键 clouds：文件必须是包含 clouds 键的映射。</translation>
    </message>
    <message>
        <source>%1: key clouds: expected a map of cloud names to settings.</source>
        <translation>%1：键 clouds：应为云名称到设置的映射。</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>%1: key %2: expected a map of settings.</source>
        <translation>%1：键 %2：应为设置的映射。</translation>
    </message>
    <message>
        <source>%1: key %2: client certificates are not supported; ignored.</source>
        <translation>%1：键 %2：不支持客户端证书；已忽略。</translation>
    </message>
    <message>
        <source>%1: key &lt;&lt;: a merge key must name a map (like &lt;&lt;: *base).</source>
        <translation>%1：键 &lt;&lt;：合并键必须指向一个映射（例如 &lt;&lt;: *base）。</translation>
    </message>
    <message>
        <source>%1: key %2: expected a map (auth_url, username, password, ...).</source>
        <translation>%1：键 %2：应为映射（auth_url、username、password 等）。</translation>
    </message>
    <message>
        <source>%1: key %2 is not used by StackVault; ignored.</source>
        <translation>%1：StackVault 不使用键 %2；已忽略。</translation>
    </message>
    <message>
        <source>%1: key %2: expected a list of region names.</source>
        <translation>%1：键 %2：应为区域名称列表。</translation>
    </message>
    <message>
        <source>%1: key %2: each region must be a name or a map with a key name.</source>
        <translation>%1：键 %2：每个区域必须是名称或带 name 键的映射。</translation>
    </message>
    <message>
        <source>%1: key %2: expected a single value, not a list or map.</source>
        <translation>%1：键 %2：应为单个值，而不是列表或映射。</translation>
    </message>
    <message>
        <source>%1: key %2: %3</source>
        <translation>%1：键 %2：%3</translation>
    </message>
    <message>
        <source>%1: cloud &quot;%2&quot;: key auth.auth_url (or OS_AUTH_URL) is missing.</source>
        <translation>%1：云“%2”：缺少键 auth.auth_url（或 OS_AUTH_URL）。</translation>
    </message>
    <message>
        <source>Vendor profiles (key profile: %1) are not supported; write the vendor&apos;s auth_url into the cloud.</source>
        <translation>不支持供应商配置（键 profile：%1）；请将供应商的 auth_url 写入该云。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>“%1”不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Keystone v%1 is not supported; StackVault needs the Identity v3 API.</source>
        <translation>不支持 Keystone v%1；StackVault 需要 Identity v3 API。</translation>
    </message>
    <message>
        <source>auth type &quot;%1&quot; is not supported; use password or v3applicationcredential.</source>
        <translation>不支持认证类型“%1”；请使用 password 或 v3applicationcredential。</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot;: the project is ignored because an application credential carries its own.</source>
        <translation>云“%1”：项目被忽略，因为应用凭据自带项目。</translation>
    </message>
    <message>
        <source>region &quot;%1&quot; is not one of the cloud&apos;s regions (%2).</source>
        <translation>区域“%1”不是该云的区域之一（%2）。</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot; lists the regions %2; using %3. Add another cloud for each other region.</source>
        <translation>云“%1”列出了区域 %2；使用 %3。请为其他每个区域另外添加一个云。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface; use public, internal or admin.</source>
        <translation>“%1”不是接口；请使用 public、internal 或 admin。</translation>
    </message>
    <message>
        <source>expected true or false, not &quot;%1&quot;.</source>
        <translation>应为 true 或 false，而不是“%1”。</translation>
    </message>
    <message>
        <source>%1: cloud &quot;%2&quot;: %3</source>
        <translation>%1：云“%2”：%3</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
</context>
<context>
    <name>sv::CloudProfile</name>
    <message>
        <source>The cloud needs a name.</source>
        <translation>云需要一个名称。</translation>
    </message>
    <message>
        <source>The cloud&apos;s name must not start or end with spaces.</source>
        <translation>云的名称不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>The authentication URL must be an http:// or https:// address, such as https://keystone.example.com:5000/v3.</source>
        <translation>认证 URL 必须是 http:// 或 https:// 地址，例如 https://keystone.example.com:5000/v3。</translation>
    </message>
    <message>
        <source>The interface must be public, internal or admin.</source>
        <translation>接口必须是 public、internal 或 admin。</translation>
    </message>
    <message>
        <source>Password authentication needs a user name or user id.</source>
        <translation>密码认证需要用户名或用户 ID。</translation>
    </message>
    <message>
        <source>Application credential authentication needs the credential&apos;s id, or its name together with the user&apos;s name or id.</source>
        <translation>应用凭据认证需要凭据的 ID，或其名称以及用户的名称或 ID。</translation>
    </message>
</context>
<context>
    <name>sv::CloudSessions</name>
    <message>
        <source>There is no saved cloud named %1. Add it first (Clouds → Add, or `stackvault-cli clouds add`).</source>
        <translation>没有名为 %1 的已保存云。请先添加（云 → 添加，或 `stackvault-cli clouds add`）。</translation>
    </message>
    <message>
        <source>Cloud %1: %2</source>
        <translation>云 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::CopyCheckpointJob</name>
    <message>
        <source>Copy backup %1</source>
        <translation>复制备份 %1</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the target backup storage %2 has a copy of it that cannot be read: %3 Delete it there (or run prune), then copy again.</source>
        <translation>无法复制备份 %1：目标备份存储 %2 中有它的一个无法读取的副本：%3 请在那里删除它（或运行 prune），然后再复制。</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the target backup storage %2 is busy and its copy of the backup is still being written (status protecting). Wait until the other copy or backup ends and try again; if none runs, run prune on %2 first.</source>
        <translation>无法复制备份 %1：目标备份存储 %2 正忙，其中该备份的副本仍在写入（状态 protecting）。请等另一个复制或备份结束后重试；如果没有在运行，请先对 %2 运行 prune。</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the unfinished copy in the target backup storage %2 (status %3) cannot be removed: %4</source>
        <translation>无法复制备份 %1：无法删除目标备份存储 %2 中未完成的副本（状态 %3）：%4</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the source backup storage %2 cannot be opened: %3</source>
        <translation>无法复制备份 %1：无法打开源备份存储 %2：%3</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the target backup storage %2 cannot be opened: %3</source>
        <translation>无法复制备份 %1：无法打开目标备份存储 %2：%3</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: the source backup storage %2 is busy: %3</source>
        <translation>无法复制备份 %1：源备份存储 %2 正忙：%3</translation>
    </message>
    <message>
        <source>Backup %1 is not in the backup storage %2. List the backups there and check the id.</source>
        <translation>备份 %1 不在备份存储 %2 中。请列出那里的备份并检查 ID。</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: its index in %2 cannot be read: %3</source>
        <translation>无法复制备份 %1：无法读取它在 %2 中的索引：%3</translation>
    </message>
    <message>
        <source>Backup %1 in %2 is %3, not available: only a complete backup can be copied.</source>
        <translation>%2 中的备份 %1 状态为 %3，而不是 available：只能复制完整的备份。</translation>
    </message>
    <message>
        <source>Backup %1 is already in %2: nothing copied.</source>
        <translation>备份 %1 已在 %2 中：未复制任何内容。</translation>
    </message>
    <message>
        <source>Cannot copy backup %1 into %2: %3</source>
        <translation>无法将备份 %1 复制到 %2：%3</translation>
    </message>
    <message>
        <source>The copy was cancelled.</source>
        <translation>复制已取消。</translation>
    </message>
    <message>
        <source>Copy of backup %1 cancelled; its unfinished copy in %2 is marked failed (the next copy replaces it).</source>
        <translation>备份 %1 的复制已取消；它在 %2 中未完成的副本已标记为失败（下次复制会替换它）。</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: reading %2 %3 from %4 failed: %5 Run verify on %4 to see what is damaged.</source>
        <translation>无法复制备份 %1：从 %4 读取 %2 %3 失败：%5 请对 %4 运行 verify 查看哪些内容已损坏。</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: writing into %2 failed: %3</source>
        <translation>无法复制备份 %1：写入 %2 失败：%3</translation>
    </message>
    <message>
        <source>the copy of %1 %2 has %3 bytes and sha512 %4, the source recorded %5 bytes and sha512 %6</source>
        <translation>%1 %2 的副本有 %3 字节、sha512 %4，而源记录的是 %5 字节、sha512 %6</translation>
    </message>
    <message>
        <source>Cannot copy backup %1 into %2: %3.</source>
        <translation>无法将备份 %1 复制到 %2：%3。</translation>
    </message>
    <message>
        <source>Cannot copy backup %1: committing it in %2 failed: %3</source>
        <translation>无法复制备份 %1：在 %2 中提交失败：%3</translation>
    </message>
    <message numerus="yes">
        <source>Copied backup %1 from %2 to %3 in %4 s: %5 read, %6 new to the target (%7 stored), %n chunk(s) new, %8 already there.</source>
        <translation>
            <numerusform>已在 %4 秒内将备份 %1 从 %2 复制到 %3：读取 %5，目标中新增 %6（存储 %7），新增 %n 个块，%8 个已存在。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sv::DeleteCheckpointJob</name>
    <message>
        <source>The backup %1 could not be deleted: %2</source>
        <translation>无法删除备份 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Deleted backup %1. Freed %2 (%n chunk(s)).</source>
        <translation>
            <numerusform>已删除备份 %1。释放了 %2（%n 个数据块）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted backup %1. Unused chunks will be removed later: %2</source>
        <translation>已删除备份 %1。未使用的数据块将稍后删除：%2</translation>
    </message>
</context>
<context>
    <name>sv::ExportJob</name>
    <message>
        <source>Export backup %1</source>
        <translation>导出备份 %1</translation>
    </message>
    <message>
        <source>Backup %1 holds no disk to export.</source>
        <translation>备份 %1 中没有可导出的磁盘。</translation>
    </message>
    <message>
        <source>Backup %1 has no disk %2. Its disks: %3.</source>
        <translation>备份 %1 中没有磁盘 %2。其磁盘：%3。</translation>
    </message>
    <message>
        <source>Backup %1 has several disks named %2: give the id. Its disks: %3.</source>
        <translation>备份 %1 中有多个名为 %2 的磁盘：请给出 ID。其磁盘：%3。</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the backup storage %2 cannot be opened: %3</source>
        <translation>无法导出备份 %1：无法打开备份存储 %2：%3</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the backup storage %2 is busy: %3</source>
        <translation>无法导出备份 %1：备份存储 %2 正忙：%3</translation>
    </message>
    <message>
        <source>Backup %1 is not in the backup storage %2. List the backups there and check the id.</source>
        <translation>备份 %1 不在备份存储 %2 中。请列出其中的备份并检查 ID。</translation>
    </message>
    <message>
        <source>Cannot export backup %1: its index in %2 cannot be read: %3</source>
        <translation>无法导出备份 %1：无法读取其在 %2 中的索引：%3</translation>
    </message>
    <message>
        <source>Backup %1 is %2, not available: only a complete backup can be exported.</source>
        <translation>备份 %1 的状态为 %2，不可用：只能导出完整的备份。</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the folder %2 does not exist.</source>
        <translation>无法导出备份 %1：文件夹 %2 不存在。</translation>
    </message>
    <message>
        <source>Cannot export backup %1: %2 exists already. Choose another name, or replace it (--force).</source>
        <translation>无法导出备份 %1：%2 已存在。请选择其他名称，或替换它（--force）。</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2: its format %3 cannot be converted.</source>
        <translation>无法导出备份 %2 的磁盘 %1：无法转换其格式 %3。</translation>
    </message>
    <message>
        <source>Cannot export backup %1 as %2: converting its disk needs qemu-img, which is not installed (Debian package qemu-utils).</source>
        <translation>无法将备份 %1 导出为 %2：转换其磁盘需要 qemu-img，但它未安装（Debian 软件包 qemu-utils）。</translation>
    </message>
    <message>
        <source>Export of backup %1 cancelled; its unfinished files were removed.</source>
        <translation>备份 %1 的导出已取消；未完成的文件已删除。</translation>
    </message>
    <message>
        <source>Cannot export backup %1: %2 cannot be renamed to %3: %4</source>
        <translation>无法导出备份 %1：无法将 %2 重命名为 %3：%4</translation>
    </message>
    <message numerus="yes">
        <source>Exported backup %1 as %2 in %3 s: %n file(s), %4 (%5 on disk): %6</source>
        <translation>
            <numerusform>已在 %3 秒内将备份 %1 导出为 %2：%n 个文件，%4（磁盘占用 %5）：%6</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot export backup %1: %2 cannot be created: %3</source>
        <translation>无法导出备份 %1：无法创建 %2：%3</translation>
    </message>
    <message>
        <source>Cannot export backup %1: writing %2 failed: %3</source>
        <translation>无法导出备份 %1：写入 %2 失败：%3</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the disk %2 (%3) cannot be read back intact from %4: %5%6 Nothing was exported: the unfinished file was removed. Run verify to see what is damaged.</source>
        <translation>无法导出备份 %1：无法从 %4 完整读回磁盘 %2（%3）：%5%6 未导出任何内容：未完成的文件已删除。请运行校验以查看损坏之处。</translation>
    </message>
    <message>
        <source> (object %1)</source>
        <translation>（对象 %1）</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the disk %2 read back has %3 bytes, the backup recorded %4.</source>
        <translation>无法导出备份 %1：读回的磁盘 %2 有 %3 字节，备份记录的是 %4。</translation>
    </message>
    <message>
        <source>Cannot export backup %1: the disk %2 read back has md5 %3, the backup recorded %4: the backup is damaged. Nothing was exported.</source>
        <translation>无法导出备份 %1：读回的磁盘 %2 的 md5 为 %3，备份记录的是 %4：备份已损坏。未导出任何内容。</translation>
    </message>
    <message>
        <source>Cannot export backup %1: finishing %2 failed: %3</source>
        <translation>无法导出备份 %1：完成 %2 失败：%3</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2 as %3: qemu-img convert failed: %4</source>
        <translation>无法将备份 %2 的磁盘 %1 导出为 %3：qemu-img convert 失败：%4</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2 as %3: the converted file differs from the backup&apos;s verified bytes (qemu-img compare: %4).</source>
        <translation>无法将备份 %2 的磁盘 %1 导出为 %3：转换后的文件与备份中已校验的字节不同（qemu-img compare：%4）。</translation>
    </message>
    <message>
        <source>Cannot export the disk %1 of backup %2 as qcow2: qemu-img check finds the converted file damaged: %3</source>
        <translation>无法将备份 %2 的磁盘 %1 导出为 qcow2：qemu-img check 发现转换后的文件已损坏：%3</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
</context>
<context>
    <name>sv::ForgetJob</name>
    <message>
        <source>Preview retention</source>
        <translation>预览保留策略</translation>
    </message>
    <message>
        <source>Apply retention</source>
        <translation>应用保留策略</translation>
    </message>
    <message>
        <source>The retention policy is not valid: %1</source>
        <translation>保留策略无效：%1</translation>
    </message>
    <message>
        <source>The retention policy keeps nothing: give at least one of --keep-last, --keep-hourly, --keep-daily, --keep-weekly, --keep-monthly, --keep-yearly (a number above 0) or --keep-within (a duration such as 30d). Nothing was removed.</source>
        <translation>保留策略不保留任何备份：请至少指定 --keep-last、--keep-hourly、--keep-daily、--keep-weekly、--keep-monthly、--keep-yearly（大于 0 的数字）或 --keep-within（时长，例如 30d）之一。未删除任何内容。</translation>
    </message>
    <message>
        <source>Cannot apply retention to the backup storage %1: %2</source>
        <translation>无法对备份存储 %1 应用保留策略：%2</translation>
    </message>
    <message>
        <source>, not counted (unfinished or failed, left as they are): %1</source>
        <translation>，不计入（未完成或失败，保持不变）：%1</translation>
    </message>
    <message>
        <source>Retention (%1), dry run: to keep: %2, to remove: %3%4. Nothing was removed.</source>
        <translation>保留策略（%1），试运行：保留：%2，删除：%3%4。未删除任何内容。</translation>
    </message>
    <message>
        <source>Retention (%1): to keep: %2, nothing to remove%3.</source>
        <translation>保留策略（%1）：保留：%2，无需删除%3。</translation>
    </message>
    <message>
        <source>Retention stopped after removing %1 of the %2 backups it was to remove: %3</source>
        <translation>保留策略在删除了应删除的 %2 个备份中的 %1 个后停止：%3</translation>
    </message>
    <message>
        <source>Removed: %1</source>
        <translation>已删除：%1</translation>
    </message>
    <message numerus="yes">
        <source>Retention removed %n backup(s), but the prune after it failed: %1</source>
        <translation>
            <numerusform>保留策略删除了 %n 个备份，但随后的清理失败：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Retention (%1): kept: %2, removed: %3%4.</source>
        <translation>保留策略（%1）：保留：%2，删除：%3%4。</translation>
    </message>
    <message numerus="yes">
        <source>Freed %1 (%n chunk(s)).</source>
        <translation>
            <numerusform>已释放 %1（%n 个数据块）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unused chunks will be removed later: %1</source>
        <translation>未使用的数据块将在稍后删除：%1</translation>
    </message>
</context>
<context>
    <name>sv::Job</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>sv::JobManager</name>
    <message>
        <source>Cancelled before it started.</source>
        <translation>在开始前已取消。</translation>
    </message>
    <message>
        <source>StackVault is quitting.</source>
        <translation>StackVault 正在退出。</translation>
    </message>
    <message>
        <source>StackVault quit before this job had finished cleaning up.</source>
        <translation>StackVault 在此任务完成清理之前退出了。</translation>
    </message>
</context>
<context>
    <name>sv::JobStage</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>Creating snapshot</source>
        <translation>正在创建快照</translation>
    </message>
    <message>
        <source>Waiting for image</source>
        <translation>正在等待镜像</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>Creating image</source>
        <translation>正在创建镜像</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>Creating server</source>
        <translation>正在创建服务器</translation>
    </message>
    <message>
        <source>Waiting for server</source>
        <translation>正在等待服务器</translation>
    </message>
    <message>
        <source>Cleaning up</source>
        <translation>正在清理</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Preparing volume</source>
        <translation>正在准备卷</translation>
    </message>
    <message>
        <source>Creating volume</source>
        <translation>正在创建卷</translation>
    </message>
    <message>
        <source>Attaching volumes</source>
        <translation>正在挂载卷</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>正在复制</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Converting</source>
        <translation>正在转换</translation>
    </message>
    <message>
        <source>Waiting for boot</source>
        <translation>正在等待启动</translation>
    </message>
</context>
<context>
    <name>sv::Plan</name>
    <message>
        <source>The plan name &quot;%1&quot; cannot be used: give 1 to 64 letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter or digit (it also names the plan&apos;s files and systemd units).</source>
        <translation>无法使用计划名称“%1”：请使用 1 到 64 个字母、数字、“-”、“_”或“.”，并以字母或数字开头（它也用于命名计划的文件和 systemd 单元）。</translation>
    </message>
    <message>
        <source>Plan %1 names no servers: give servers, or a cloud to select them from.</source>
        <translation>计划 %1 没有指定服务器：请指定服务器，或指定从中选择服务器的云。</translation>
    </message>
    <message>
        <source>Plan %1 names the cloud &quot;%2&quot;, which is not saved (see `stackvault-cli clouds list`).</source>
        <translation>计划 %1 指定的云“%2”未保存（参见 `stackvault-cli clouds list`）。</translation>
    </message>
    <message>
        <source>Plan %1 names %2 twice.</source>
        <translation>计划 %1 两次指定了 %2。</translation>
    </message>
    <message>
        <source>A plan runs 1 to %1 backups at once, not %2.</source>
        <translation>一个计划可同时运行 1 到 %1 个备份，而不是 %2 个。</translation>
    </message>
    <message>
        <source>Plan %1 has no backup storage.</source>
        <translation>计划 %1 没有备份存储。</translation>
    </message>
    <message>
        <source>Without the servers&apos; data (--no-include-data) no volume can be saved: choose --volumes none or include the data.</source>
        <translation>不包含服务器数据（--no-include-data）时无法保存任何卷：请选择 --volumes none 或包含数据。</translation>
    </message>
    <message>
        <source>%1 servers</source>
        <translation>%1 台服务器</translation>
    </message>
    <message>
        <source>all within %1</source>
        <translation>%1 内的全部</translation>
    </message>
    <message>
        <source>keep everything</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>keep %1</source>
        <translation>保留 %1</translation>
    </message>
    <message>
        <source>keep_within &quot;%1&quot; is not a duration such as 2y5m7d3h (years, months, days, hours).</source>
        <translation>keep_within“%1”不是类似 2y5m7d3h 的时长（年、月、日、小时）。</translation>
    </message>
    <message>
        <source>Unknown retention rule &quot;%1&quot;.</source>
        <translation>未知的保留规则“%1”。</translation>
    </message>
    <message>
        <source>%1 must be a whole number of 0 or more.</source>
        <translation>%1 必须是大于或等于 0 的整数。</translation>
    </message>
</context>
<context>
    <name>sv::PlanFailureNotice</name>
    <message>
        <source>%1 of 1 server failed.</source>
        <translation>1 台服务器中有 %1 台失败。</translation>
    </message>
    <message>
        <source>%1 of %2 servers failed.</source>
        <translation>%2 台服务器中有 %1 台失败。</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>The server was backed up, but the run failed.</source>
        <translation>服务器已备份，但本次运行失败。</translation>
    </message>
    <message>
        <source>All %1 servers were backed up, but the run failed.</source>
        <translation>全部 %1 台服务器均已备份，但本次运行失败。</translation>
    </message>
    <message>
        <source>No server was backed up.</source>
        <translation>没有备份任何服务器。</translation>
    </message>
    <message>
        <source>Details: stackvault-cli plans history %1 --last 1</source>
        <translation>详情：stackvault-cli plans history %1 --last 1</translation>
    </message>
    <message>
        <source>Backup plan %1 failed</source>
        <translation>备份计划 %1 失败</translation>
    </message>
    <message>
        <source>Backup plan %1 did not run</source>
        <translation>备份计划 %1 未运行</translation>
    </message>
    <message>
        <source>Run it by hand to see more: stackvault-cli plans run %1</source>
        <translation>手动运行以查看详情：stackvault-cli plans run %1</translation>
    </message>
</context>
<context>
    <name>sv::PlanHistory</name>
    <message>
        <source>Cannot read the run history %1: %2</source>
        <translation>无法读取运行历史 %1：%2</translation>
    </message>
    <message>
        <source>The run history %1 is damaged (%2 at offset %3); move it away to start a new one.</source>
        <translation>运行历史 %1 已损坏（偏移 %3 处：%2）；请将其移走以开始新的历史。</translation>
    </message>
    <message>
        <source>Cannot remove the run history %1.</source>
        <translation>无法删除运行历史 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the run history.</source>
        <translation>无法为运行历史创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot save the run history %1: %2</source>
        <translation>无法保存运行历史 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::PlanLock</name>
    <message>
        <source>Cannot create the folder %1 for the plans&apos; runs.</source>
        <translation>无法为计划的运行创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open the lock file %1 of plan %2: %3</source>
        <translation>无法打开计划 %2 的锁文件 %1：%3</translation>
    </message>
    <message>
        <source>Cannot lock plan %1 (%2): %3</source>
        <translation>无法锁定计划 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Plan %1 is already running in another process; wait for it to finish.</source>
        <translation>计划 %1 已在另一个进程中运行；请等待其完成。</translation>
    </message>
    <message>
        <source>Plan %1 is already running (process %2, started %3); wait for it to finish, or stop that process first (kill -INT %2 cancels it cleanly).</source>
        <translation>计划 %1 已在运行（进程 %2，开始于 %3）；请等待其完成，或先停止该进程（kill -INT %2 可干净地取消它）。</translation>
    </message>
    <message>
        <source>Cannot ask whether plan %1 runs (%2): %3</source>
        <translation>无法确定计划 %1 是否正在运行（%2）：%3</translation>
    </message>
</context>
<context>
    <name>sv::PlanNotifier</name>
    <message>
        <source>no D-Bus session bus is reachable (DBUS_SESSION_BUS_ADDRESS is not set)</source>
        <translation>无法连接 D-Bus 会话总线（未设置 DBUS_SESSION_BUS_ADDRESS）</translation>
    </message>
    <message>
        <source>no D-Bus session bus is reachable at %1</source>
        <translation>无法连接位于 %1 的 D-Bus 会话总线</translation>
    </message>
    <message>
        <source>no notification service answers on the D-Bus session bus (%1: %2)</source>
        <translation>D-Bus 会话总线上没有通知服务应答（%1：%2）</translation>
    </message>
    <message>
        <source>the notification service did not take the notification (%1: %2)</source>
        <translation>通知服务未接受该通知（%1：%2）</translation>
    </message>
</context>
<context>
    <name>sv::PlanReportSender</name>
    <message>
        <source>The report URL &quot;%1&quot; is not an http:// or https:// address.</source>
        <translation>报告 URL“%1”不是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Sent the run report to %1 (HTTP %2).</source>
        <translation>已将运行报告发送到 %1（HTTP %2）。</translation>
    </message>
    <message>
        <source>The run report was not accepted by %1: HTTP %2 %3%4</source>
        <translation>%1 未接受运行报告：HTTP %2 %3%4</translation>
    </message>
    <message>
        <source>The run report could not be sent to %1: no answer within %2 s.</source>
        <translation>无法将运行报告发送到 %1：%2 秒内无应答。</translation>
    </message>
    <message>
        <source>The run report could not be sent to %1: %2</source>
        <translation>无法将运行报告发送到 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::PlanRestoreTest</name>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>in the server&apos;s own cloud</source>
        <translation>在服务器所在的云中</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>在 %1 中</translation>
    </message>
    <message>
        <source>restore one new backup per run %1, wait up to %2 s for ACTIVE</source>
        <translation>每次运行%1恢复一个新备份，最多等待 %2 秒直到 ACTIVE</translation>
    </message>
    <message>
        <source>restore one new backup per run %1, wait up to %2 s for ACTIVE and for &quot;%3&quot; in the console</source>
        <translation>每次运行%1恢复一个新备份，最多等待 %2 秒直到 ACTIVE 且控制台出现“%3”</translation>
    </message>
    <message>
        <source>A restore test waits %1 to %2 seconds, not %3.</source>
        <translation>恢复测试的等待时间为 %1 到 %2 秒，而不是 %3。</translation>
    </message>
    <message>
        <source>A restore test&apos;s console marker is one line of text.</source>
        <translation>恢复测试的控制台标记必须是一行文本。</translation>
    </message>
    <message>
        <source>The restore test names the cloud &quot;%1&quot;, which is not saved (see `stackvault-cli clouds list`).</source>
        <translation>恢复测试指定的云“%1”未保存（见 `stackvault-cli clouds list`）。</translation>
    </message>
</context>
<context>
    <name>sv::PlanRun</name>
    <message>
        <source>The run of plan %1 started %2 (process %3) was interrupted before it ended; what its backups left in the clouds is removed by the sweep before this run&apos;s backups.</source>
        <translation>计划 %1 于 %2 开始的运行（进程 %3）在结束前被中断；其备份在云中留下的内容会在本次运行的备份之前由清理步骤删除。</translation>
    </message>
    <message>
        <source>No server of cloud %1 was backed up: %2</source>
        <translation>云 %1 的服务器均未备份：%2</translation>
    </message>
    <message>
        <source>No server of cloud %1 was backed up: its servers could not be listed: %2</source>
        <translation>云 %1 的服务器均未备份：无法列出其服务器：%2</translation>
    </message>
    <message>
        <source>%1 servers of cloud %2 are named %3: name the one to back up by its id.</source>
        <translation>云 %2 中有 %1 台服务器名为 %3：请通过 ID 指定要备份的服务器。</translation>
    </message>
    <message>
        <source>Cloud %1 has no server %2 (it was deleted, or the plan names it wrongly).</source>
        <translation>云 %1 中没有服务器 %2（它已被删除，或计划中的名称有误）。</translation>
    </message>
    <message>
        <source>Cloud %1 does not show servers&apos; tags (its compute API is older than 2.26), so none of its servers was chosen for %2.</source>
        <translation>云 %1 不显示服务器标签（其计算 API 早于 2.26），因此没有为 %2 选中其任何服务器。</translation>
    </message>
    <message>
        <source>No server matched %1.</source>
        <translation>没有服务器匹配 %1。</translation>
    </message>
    <message>
        <source>Plan %1 selected no server to back up.</source>
        <translation>计划 %1 没有选中要备份的服务器。</translation>
    </message>
    <message numerus="yes">
        <source>Backing up %n server(s), %1 at a time.</source>
        <translation>
            <numerusform>正在备份 %n 台服务器，每次 %1 台。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The retention policy (%1) was not applied: the run was cancelled.</source>
        <translation>未应用保留策略（%1）：运行已取消。</translation>
    </message>
    <message>
        <source>Applying the retention policy (%1) to the backups of plan %2.</source>
        <translation>正在对计划 %2 的备份应用保留策略（%1）。</translation>
    </message>
    <message>
        <source>The retention policy was not applied: %1</source>
        <translation>未应用保留策略：%1</translation>
    </message>
    <message>
        <source>No server of all projects of cloud %1 was backed up: its credentials (%2, project %3) are not a cloud admin&apos;s, and Nova refused to list every project&apos;s servers (%4). Save the cloud with an admin&apos;s credentials, or select only the project&apos;s own servers (without --all-projects).</source>
        <translation>云 %1 所有项目的服务器均未备份：其凭据（%2，项目 %3）不是云管理员的，Nova 拒绝列出所有项目的服务器（%4）。请使用管理员凭据保存该云，或只选择该项目自己的服务器（不使用 --all-projects）。</translation>
    </message>
    <message>
        <source>No server of all projects of cloud %1 was backed up: the servers could not be listed: %2</source>
        <translation>云 %1 所有项目的服务器均未备份：无法列出服务器：%2</translation>
    </message>
    <message>
        <source>%1 (project %2)</source>
        <translation>%1（项目 %2）</translation>
    </message>
    <message>
        <source>%1: %2 in %3.</source>
        <translation>%1：%3 中的 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n 台服务器</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>The project names of cloud %1 could not be listed (%2); the report names projects by id.</source>
        <translation>无法列出云 %1 的项目名称（%2）；报告按 ID 列出项目。</translation>
    </message>
    <message>
        <source>No backup was restore-tested: the run was cancelled.</source>
        <translation>未对任何备份进行恢复测试：运行已取消。</translation>
    </message>
    <message>
        <source>No backup was restore-tested: no backup of this run succeeded.</source>
        <translation>未对任何备份进行恢复测试：本次运行没有成功的备份。</translation>
    </message>
    <message>
        <source>Testing the restore of backup %1 of %2 (%3) in cloud %4.</source>
        <translation>正在云 %4 中测试 %2（%3）的备份 %1 的恢复。</translation>
    </message>
    <message>
        <source>The restore test could not start: the clouds&apos; sign-in is gone.</source>
        <translation>恢复测试无法开始：云的登录已失效。</translation>
    </message>
    <message>
        <source>The restore test of backup %1 could not start in cloud %2: %3</source>
        <translation>备份 %1 的恢复测试无法在云 %2 中开始：%3</translation>
    </message>
    <message>
        <source>The restore test of backup %1 was cancelled: %2</source>
        <translation>备份 %1 的恢复测试已取消：%2</translation>
    </message>
</context>
<context>
    <name>sv::PlanSchedule</name>
    <message>
        <source>&quot;none&quot; takes nothing after it.</source>
        <translation>“none”后面不能再有内容。</translation>
    </message>
    <message>
        <source>An hourly schedule takes the minute as &quot;:MM&quot; (00 to 59), e.g. &quot;hourly :15&quot;; got &quot;%1&quot;.</source>
        <translation>每小时计划以“:MM”（00 到 59）指定分钟，例如“hourly :15”；收到的是“%1”。</translation>
    </message>
    <message>
        <source>A daily schedule takes a time as HH:MM (00:00 to 23:59), e.g. &quot;daily 02:00&quot;; got &quot;%1&quot;.</source>
        <translation>每日计划以 HH:MM（00:00 到 23:59）指定时间，例如“daily 02:00”；收到的是“%1”。</translation>
    </message>
    <message>
        <source>A weekly schedule takes a day (mon, tue, wed, thu, fri, sat or sun) and a time as HH:MM, e.g. &quot;weekly sun 03:30&quot;; got &quot;%1&quot;.</source>
        <translation>每周计划需要一天（mon、tue、wed、thu、fri、sat 或 sun）和 HH:MM 格式的时间，例如“weekly sun 03:30”；收到的是“%1”。</translation>
    </message>
    <message>
        <source>&quot;calendar&quot; takes a systemd calendar expression after it, e.g. &quot;calendar Mon..Fri 22:00&quot;.</source>
        <translation>“calendar”后面需要一个 systemd 日历表达式，例如“calendar Mon..Fri 22:00”。</translation>
    </message>
    <message>
        <source>Unknown schedule &quot;%1&quot;: use none, hourly [:MM], daily [HH:MM], weekly [DAY HH:MM] or calendar EXPRESSION (a systemd OnCalendar expression).</source>
        <translation>未知的计划“%1”：请使用 none、hourly [:MM]、daily [HH:MM]、weekly [星期 HH:MM] 或 calendar 表达式（systemd OnCalendar 表达式）。</translation>
    </message>
    <message>
        <source>The plan has no schedule.</source>
        <translation>该计划没有时间表。</translation>
    </message>
    <message>
        <source>A systemd calendar expression has no crontab equivalent StackVault can write; give the plan an hourly, daily or weekly schedule to run it from cron.</source>
        <translation>StackVault 无法为 systemd 日历表达式写出等效的 crontab 行；若要通过 cron 运行，请为计划设置每小时、每日或每周的时间表。</translation>
    </message>
    <message>
        <source>systemd-analyze is not installed, so the next run of a calendar expression cannot be computed.</source>
        <translation>未安装 systemd-analyze，因此无法计算日历表达式的下一次运行时间。</translation>
    </message>
    <message>
        <source>systemd-analyze calendar did not answer.</source>
        <translation>systemd-analyze calendar 没有响应。</translation>
    </message>
    <message>
        <source>systemd does not understand the calendar expression &quot;%1&quot;: %2</source>
        <translation>systemd 无法理解日历表达式“%1”：%2</translation>
    </message>
    <message>
        <source>The calendar expression &quot;%1&quot; never elapses again.</source>
        <translation>日历表达式“%1”以后不会再触发。</translation>
    </message>
    <message>
        <source>systemd-analyze calendar printed no next elapse for &quot;%1&quot;.</source>
        <translation>systemd-analyze calendar 没有输出“%1”的下一次触发时间。</translation>
    </message>
    <message>
        <source>The calendar expression &quot;%1&quot; holds a character a systemd unit cannot take (a control character, % or \).</source>
        <translation>日历表达式“%1”包含 systemd 单元无法接受的字符（控制字符、% 或 \）。</translation>
    </message>
</context>
<context>
    <name>sv::PlanScheduler</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>systemctl is not installed</source>
        <translation>未安装 systemctl</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>systemctl --user %1 did not answer within %2 s</source>
        <translation>systemctl --user %1 在 %2 秒内没有响应</translation>
    </message>
    <message>
        <source>systemctl --user failed</source>
        <translation>systemctl --user 失败</translation>
    </message>
    <message>
        <source>Plan %1 has no schedule: give it one first (Edit…, or `stackvault-cli plans edit %1 --schedule &quot;daily 02:00&quot;`).</source>
        <translation>计划 %1 没有时间表：请先为其设置一个（编辑…，或 `stackvault-cli plans edit %1 --schedule &quot;daily 02:00&quot;`）。</translation>
    </message>
    <message>
        <source>stackvault-cli was not found (beside StackVault or on PATH): the schedule runs it. Install it, then try again.</source>
        <translation>未找到 stackvault-cli（既不在 StackVault 旁边，也不在 PATH 中）：时间表需要运行它。请安装后重试。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the systemd user units.</source>
        <translation>无法为 systemd 用户单元创建文件夹 %1。</translation>
    </message>
    <message>
        <source>No systemd user instance runs here (%1), so the schedule is NOT active. The units are written (%2, %3) and take effect once one runs: systemctl --user enable --now %4</source>
        <translation>此处没有运行 systemd 用户实例（%1），因此时间表未生效。单元已写入（%2、%3），一旦有实例运行即生效：systemctl --user enable --now %4</translation>
    </message>
    <message>
        <source>systemctl --user daemon-reload: %1</source>
        <translation>systemctl --user daemon-reload：%1</translation>
    </message>
    <message>
        <source>systemctl --user enable --now %1 failed: %2</source>
        <translation>systemctl --user enable --now %1 失败：%2</translation>
    </message>
    <message>
        <source>Installed and enabled %1 (%2).</source>
        <translation>已安装并启用 %1（%2）。</translation>
    </message>
    <message>
        <source>Plan %1 has no schedule installed (no %2).</source>
        <translation>计划 %1 没有已安装的时间表（没有 %2）。</translation>
    </message>
    <message>
        <source>systemctl --user disable --now %1: %2</source>
        <translation>systemctl --user disable --now %1：%2</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>无法删除 %1。</translation>
    </message>
    <message>
        <source>Removed the schedule of plan %1 (%2 and %3).</source>
        <translation>已删除计划 %1 的时间表（%2 和 %3）。</translation>
    </message>
</context>
<context>
    <name>sv::PlanSource</name>
    <message>
        <source>%1 in %2</source>
        <translation>%2 中的 %1</translation>
    </message>
    <message>
        <source>all servers of %1</source>
        <translation>%1 的所有服务器</translation>
    </message>
    <message>
        <source>servers tagged %1 in %2</source>
        <translation>%2 中标签为 %1 的服务器</translation>
    </message>
    <message>
        <source>servers named %1 in %2</source>
        <translation>%2 中名称为 %1 的服务器</translation>
    </message>
    <message>
        <source>servers tagged %1 named %2 in %3</source>
        <translation>%3 中标签为 %1、名称为 %2 的服务器</translation>
    </message>
    <message>
        <source>A plan&apos;s servers need a saved cloud.</source>
        <translation>计划的服务器需要一个已保存的云。</translation>
    </message>
    <message>
        <source>Server %1 is named explicitly: a tag or a name pattern does not apply to it.</source>
        <translation>服务器 %1 是明确指定的：标签或名称模式不适用于它。</translation>
    </message>
    <message>
        <source>The name pattern &quot;%1&quot; is not a valid wildcard pattern (use * for any text, ? for one character, [abc] for one of a, b, c).</source>
        <translation>名称模式“%1”不是有效的通配符模式（* 表示任意文本，? 表示一个字符，[abc] 表示 a、b、c 之一）。</translation>
    </message>
    <message>
        <source>The tag &quot;%1&quot; cannot hold a comma or begin or end with a space (Nova&apos;s tags cannot).</source>
        <translation>标签“%1”不能包含逗号，也不能以空格开头或结尾（Nova 的标签不允许）。</translation>
    </message>
    <message>
        <source>all servers of all projects of %1</source>
        <translation>%1 所有项目的所有服务器</translation>
    </message>
    <message>
        <source>servers tagged %1 in all projects of %2</source>
        <translation>%2 所有项目中带标签 %1 的服务器</translation>
    </message>
    <message>
        <source>servers named %1 in all projects of %2</source>
        <translation>%2 所有项目中名为 %1 的服务器</translation>
    </message>
    <message>
        <source>servers tagged %1 named %2 in all projects of %3</source>
        <translation>%3 所有项目中带标签 %1 且名为 %2 的服务器</translation>
    </message>
    <message>
        <source>Server %1 is named explicitly: &quot;all projects&quot; applies to a selector (a cloud, a tag, a name pattern), not to one server.</source>
        <translation>服务器 %1 是明确指定的：“所有项目”只适用于选择器（云、标签、名称模式），不适用于单个服务器。</translation>
    </message>
</context>
<context>
    <name>sv::PlanStore</name>
    <message>
        <source>Cannot read the saved plans from %1: %2</source>
        <translation>无法从 %1 读取已保存的计划：%2</translation>
    </message>
    <message>
        <source>The saved plans file %1 is damaged (%2 at offset %3).</source>
        <translation>已保存计划文件 %1 已损坏（偏移 %3 处：%2）。</translation>
    </message>
    <message>
        <source>The saved plans file %1 was written by a newer StackVault.</source>
        <translation>已保存计划文件 %1 由更新版本的 StackVault 写入。</translation>
    </message>
    <message>
        <source>A plan named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的计划已存在。</translation>
    </message>
    <message>
        <source>No plan is named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的计划。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the saved plans.</source>
        <translation>无法为已保存的计划创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot save the plans to %1: %2</source>
        <translation>无法将计划保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::PlanUnits</name>
    <message>
        <source>systemd cannot run a program whose path holds a quote, a backslash or a control character: %1. Install or link stackvault-cli elsewhere.</source>
        <translation>systemd 无法运行路径中包含引号、反斜杠或控制字符的程序：%1。请将 stackvault-cli 安装或链接到其他位置。</translation>
    </message>
</context>
<context>
    <name>sv::ProfileStore</name>
    <message>
        <source>Cannot read the saved clouds from %1: %2</source>
        <translation>无法从 %1 读取已保存的云：%2</translation>
    </message>
    <message>
        <source>The saved clouds file %1 is damaged (%2 at offset %3).</source>
        <translation>已保存的云文件 %1 已损坏（位置 %3 处%2）。</translation>
    </message>
    <message>
        <source>The saved clouds file %1 was written by a newer StackVault.</source>
        <translation>已保存的云文件 %1 由较新版本的 StackVault 写入。</translation>
    </message>
    <message>
        <source>A cloud named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的云已存在。</translation>
    </message>
    <message>
        <source>A cloud with id %1 already exists.</source>
        <translation>ID 为 %1 的云已存在。</translation>
    </message>
    <message>
        <source>The cloud &quot;%1&quot; is no longer saved.</source>
        <translation>云“%1”已不再保存。</translation>
    </message>
    <message>
        <source>No saved cloud has the id %1.</source>
        <translation>没有 ID 为 %1 的已保存云。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the saved clouds.</source>
        <translation>无法为已保存的云创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot save the clouds to %1: %2</source>
        <translation>无法将云保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::RestoreJob</name>
    <message>
        <source>Restore backup %1</source>
        <translation>恢复备份 %1</translation>
    </message>
    <message>
        <source>Backup %1 is %2, not available; only a complete backup can be restored.</source>
        <translation>备份 %1 的状态为 %2，而不是 available；只能恢复完整的备份。</translation>
    </message>
    <message>
        <source>Backup %1 holds no server image to restore.</source>
        <translation>备份 %1 中没有可恢复的服务器镜像。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cloud %1 has no flavor %2. Choose one of its flavors.</source>
        <translation>云 %1 中没有规格 %2。请选择其现有的规格之一。</translation>
    </message>
    <message>
        <source>Cloud %1 has no flavor like the saved one (%2); choose a flavor for the restored server.</source>
        <translation>云 %1 中没有与保存的规格（%2）相同的规格；请为恢复的服务器选择一个规格。</translation>
    </message>
    <message>
        <source>Flavor %1 has a %2 GiB disk, but the image needs at least %3 GiB (min_disk). Choose a larger flavor.</source>
        <translation>规格 %1 的磁盘为 %2 GiB，但镜像至少需要 %3 GiB（min_disk）。请选择更大的规格。</translation>
    </message>
    <message>
        <source>Flavor %1 has a %2 GiB disk, smaller than the %3-byte image. Choose a larger flavor.</source>
        <translation>规格 %1 的磁盘为 %2 GiB，小于 %3 字节的镜像。请选择更大的规格。</translation>
    </message>
    <message>
        <source>Flavor %1 has %2 MiB of memory, but the image needs at least %3 MiB (min_ram). Choose a larger flavor.</source>
        <translation>规格 %1 的内存为 %2 MiB，但镜像至少需要 %3 MiB（min_ram）。请选择更大的规格。</translation>
    </message>
    <message>
        <source>Cloud %1 has no key pair %2. Import the key there, or choose another key pair.</source>
        <translation>云 %1 中没有密钥对 %2。请在该云中导入此密钥，或选择其他密钥对。</translation>
    </message>
    <message>
        <source>Cloud %1 has no network named %2. Choose the networks for the restored server.</source>
        <translation>云 %1 中没有名为 %2 的网络。请为恢复的服务器选择网络。</translation>
    </message>
    <message>
        <source>Backup %1 is damaged; the restore stopped: %2</source>
        <translation>备份 %1 已损坏；恢复已停止：%2</translation>
    </message>
    <message>
        <source>Cloud %1 stored different bytes than the backup holds (checksum mismatch); the restored image was removed. Try again.</source>
        <translation>云 %1 存储的数据与备份中的不同（校验和不符）；已删除恢复的镜像。请重试。</translation>
    </message>
    <message>
        <source>expected md5 %1 sha512 %2 size %3; got md5 %4 sha512 %5 size %6</source>
        <translation>预期 md5 %1 sha512 %2 大小 %3；实际 md5 %4 sha512 %5 大小 %6</translation>
    </message>
    <message>
        <source>The restored server %1 went into status %2 in cloud %3; it was removed. The cloud&apos;s scheduler may lack capacity for flavor %4.</source>
        <translation>恢复的服务器 %1 在云 %3 中进入了 %2 状态；已将其删除。云的调度器可能没有足够容量用于规格 %4。</translation>
    </message>
    <message>
        <source>Restored server %1 in cloud %2 (server %3, image %4).</source>
        <translation>已在云 %2 中恢复服务器 %1（服务器 %3，镜像 %4）。</translation>
    </message>
    <message>
        <source>
The half-restored server %1 could not be removed: %2</source>
        <translation>
无法删除恢复了一半的服务器 %1：%2</translation>
    </message>
    <message>
        <source>
The half-restored image %1 could not be removed: %2</source>
        <translation>
无法删除恢复了一半的镜像 %1：%2</translation>
    </message>
    <message>
        <source>Backup %1 holds no volumes to restore.</source>
        <translation>备份 %1 中没有可恢复的卷。</translation>
    </message>
    <message>
        <source>Backup %1 holds no boot volume of server %2, so the server cannot be restored. Restore only its volumes.</source>
        <translation>备份 %1 中没有服务器 %2 的启动卷，因此无法恢复该服务器。请只恢复它的卷。</translation>
    </message>
    <message>
        <source>Backup %1 lists volume %2 without its data; it cannot be restored.</source>
        <translation>备份 %1 列出了卷 %2，但没有它的数据；无法恢复该卷。</translation>
    </message>
    <message>
        <source>Backup %1 has no volume of type %2, so the type mapping %2=%3 does not apply.</source>
        <translation>备份 %1 中没有类型为 %2 的卷，因此类型映射 %2=%3 不适用。</translation>
    </message>
    <message>
        <source>Cloud %1 has no volume type %2 (chosen for volume %3 of type %4). Its types: %5.</source>
        <translation>云 %1 没有卷类型 %2（为类型为 %4 的卷 %3 选择）。它的类型：%5。</translation>
    </message>
    <message>
        <source>Cloud %1 has no room for volume %2: the project may have %3 volumes, it has %4, and this restore makes %5 before it. Delete volumes there or ask for a larger quota.</source>
        <translation>云 %1 中没有容纳卷 %2 的余地：该项目最多可有 %3 个卷，现有 %4 个，本次恢复在它之前还会创建 %5 个。请删除那里的卷或申请更大的配额。</translation>
    </message>
    <message>
        <source>Cloud %1 has no room for volume %2 (%3 GiB): the project&apos;s volume quota is %4 GiB, %5 GiB are in use, and this restore makes %6 GiB before it. Free volume space there or ask for a larger quota.</source>
        <translation>云 %1 中没有容纳卷 %2（%3 GiB）的余地：该项目的卷配额为 %4 GiB，已使用 %5 GiB，本次恢复在它之前还会创建 %6 GiB。请释放那里的卷空间或申请更大的配额。</translation>
    </message>
    <message>
        <source>Cloud %1 refused to create volume %2 (%3 GiB): the project is over its volume quota. Free volume space there or ask for a larger quota.</source>
        <translation>云 %1 拒绝创建卷 %2（%3 GiB）：该项目已超出卷配额。请释放那里的卷空间或申请更大的配额。</translation>
    </message>
    <message>
        <source>creating it</source>
        <translation>创建时</translation>
    </message>
    <message>
        <source>The restored volume %1 went into status %2 in cloud %3; it was removed. The cloud&apos;s block storage may lack space for %4 GiB.</source>
        <translation>恢复的卷 %1 在云 %3 中进入了状态 %2；已将其删除。该云的块存储可能没有 %4 GiB 的空间。</translation>
    </message>
    <message>
        <source>waiting for it</source>
        <translation>等待时</translation>
    </message>
    <message>
        <source>Volume %1: cloud %2 has no volume type %3; it got the cloud&apos;s default type %4.</source>
        <translation>卷 %1：云 %2 没有卷类型 %3；它使用了该云的默认类型 %4。</translation>
    </message>
    <message>
        <source>deleting its temporary image</source>
        <translation>删除其临时镜像时</translation>
    </message>
    <message>
        <source>Backup %1 is damaged (volume %2); the restore stopped: %3</source>
        <translation>备份 %1 已损坏（卷 %2）；恢复已停止：%3</translation>
    </message>
    <message>
        <source>Cloud %1 stored different bytes than the backup holds for volume %2 (checksum mismatch); what was restored was removed. Try again.</source>
        <translation>云 %1 为卷 %2 存储的字节与备份中的不同（校验和不匹配）；已删除恢复出的内容。请重试。</translation>
    </message>
    <message>
        <source>Volume %1 could not be restored: %2</source>
        <translation>无法恢复卷 %1：%2</translation>
    </message>
    <message>
        <source>attaching it to server %1</source>
        <translation>挂载到服务器 %1 时</translation>
    </message>
    <message>
        <source>boot volume</source>
        <translation>启动卷</translation>
    </message>
    <message>
        <source>volume %1: %2, %3 GiB, type %4</source>
        <translation>卷 %1：%2，%3 GiB，类型 %4</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Restored 1 volume in cloud %1 (no server).</source>
        <translation>已在云 %1 中恢复 1 个卷（无服务器）。</translation>
    </message>
    <message>
        <source>Restored %1 volumes in cloud %2 (no server).</source>
        <translation>已在云 %2 中恢复 %1 个卷（无服务器）。</translation>
    </message>
    <message>
        <source>Restored server %1 in cloud %2 (server %3, booted from volume %4).</source>
        <translation>已在云 %2 中恢复服务器 %1（服务器 %3，从卷 %4 启动）。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Volume %1 could not be restored (%2): %3</source>
        <translation>无法恢复卷 %1（%2）：%3</translation>
    </message>
    <message>
        <source>
The half-restored server %1 is still being deleted: %2</source>
        <translation>
仍在删除恢复了一半的服务器 %1：%2</translation>
    </message>
    <message>
        <source>
The half-restored volume %1 (%2) could not be removed: %3</source>
        <translation>
无法删除恢复了一半的卷 %1（%2）：%3</translation>
    </message>
    <message>
        <source>Cloud %1 has no security group named %2. Choose the security groups for the restored server.</source>
        <translation>云 %1 中没有名为 %2 的安全组。请为恢复的服务器选择安全组。</translation>
    </message>
    <message>
        <source>Backup %1 holds no image to restore (its server booted from a volume: restore its volumes instead).</source>
        <translation>备份 %1 中没有可恢复的映像（其服务器从卷启动：请改为恢复其卷）。</translation>
    </message>
    <message>
        <source>Restored image %1 in cloud %2 (image %3, no server).</source>
        <translation>已在云 %2 中恢复映像 %1（映像 %3，未创建服务器）。</translation>
    </message>
    <message>
        <source>Cloud %1 has no network named %2, which server %3 had a NIC on. Choose the networks for the restored server (or map them).</source>
        <translation>云 %1 中没有名为 %2 的网络，而服务器 %3 曾在其上有网卡。请为恢复的服务器选择网络（或进行映射）。</translation>
    </message>
    <message>
        <source>Cloud %1 has no server group named %2, so server %3 was restored outside any server group.</source>
        <translation>云 %1 中没有名为 %2 的服务器组，因此服务器 %3 已在任何服务器组之外恢复。</translation>
    </message>
    <message>
        <source>Cloud %1 has no availability zone %2, so the cloud chose the zone of server %3.</source>
        <translation>云 %1 中没有可用区 %2，因此由云为服务器 %3 选择了可用区。</translation>
    </message>
    <message>
        <source>Address %1 is not part of network %2 in cloud %3, so server %4 got %5 there instead.</source>
        <translation>在云 %3 中，地址 %1 不属于网络 %2，因此服务器 %4 在该网络上改用了 %5。</translation>
    </message>
    <message>
        <source>Address %1 on network %2 is taken in cloud %3, so server %4 got %5 there instead.</source>
        <translation>在云 %3 中，网络 %2 上的地址 %1 已被占用，因此服务器 %4 在该网络上改用了 %5。</translation>
    </message>
    <message>
        <source>The compute API of cloud %1 (%2) cannot tag a new server (2.52 can), so server %3 has no tags.</source>
        <translation>云 %1 的计算 API（%2）无法为新服务器添加标签（2.52 可以），因此服务器 %3 没有标签。</translation>
    </message>
    <message>
        <source>The compute API of cloud %1 (%2) cannot describe a new server (2.19 can), so server %3 has no description.</source>
        <translation>云 %1 的计算 API（%2）无法为新服务器设置描述（2.19 可以），因此服务器 %3 没有描述。</translation>
    </message>
    <message>
        <source>NIC %1: network %2, address %3</source>
        <translation>网卡 %1：网络 %2，地址 %3</translation>
    </message>
    <message>
        <source>
The port %1 made for the restored server could not be removed: %2</source>
        <translation>
无法删除为恢复的服务器创建的端口 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::S3Profile</name>
    <message>
        <source>&quot;%1&quot; cannot be the name of an S3 profile: use 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>“%1”不能作为 S3 配置名称：请使用 1 到 64 个字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>The endpoint of S3 profile %1 must be an http:// or https:// URL, such as https://s3.example.com.</source>
        <translation>S3 配置 %1 的端点必须是 http:// 或 https:// URL，例如 https://s3.example.com。</translation>
    </message>
    <message>
        <source>S3 profile %1 needs a region (the one its requests are signed for, e.g. us-east-1).</source>
        <translation>S3 配置 %1 需要一个区域（请求签名所用的区域，例如 us-east-1）。</translation>
    </message>
    <message>
        <source>S3 profile %1 needs an access key id.</source>
        <translation>S3 配置 %1 需要访问密钥 ID。</translation>
    </message>
</context>
<context>
    <name>sv::SecretStore</name>
    <message>
        <source>The keyring could not delete the stored secret.</source>
        <translation>密钥环无法删除已存储的机密。</translation>
    </message>
    <message>
        <source>No keyring is available, so the password cannot be kept. StackVault stores passwords only in the desktop keyring (a Secret Service provider): install and start GNOME Keyring (package gnome-keyring) or KWallet (package kwalletmanager), log in to the desktop session again, and retry.</source>
        <translation>没有可用的密钥环，因此无法保存密码。StackVault 只将密码存储在桌面密钥环（Secret Service 提供者）中：请安装并启动 GNOME Keyring（软件包 gnome-keyring）或 KWallet（软件包 kwalletmanager），重新登录桌面会话，然后重试。</translation>
    </message>
    <message>
        <source>No password is stored in the keyring for this cloud. Enter the password (or application credential secret) again.</source>
        <translation>密钥环中没有为此云存储密码。请重新输入密码（或应用凭据机密）。</translation>
    </message>
    <message>
        <source>The keyring is locked or refused access. Unlock it and try again.</source>
        <translation>密钥环已锁定或拒绝访问。请解锁后重试。</translation>
    </message>
</context>
<context>
    <name>sv::ServerProtectable</name>
    <message>
        <source>no volume listed</source>
        <translation>未列出卷</translation>
    </message>
    <message>
        <source>Server %1 is in status ERROR, so OpenStack cannot snapshot it. Repair or rebuild the server, then back it up.</source>
        <translation>服务器 %1 处于 ERROR 状态，OpenStack 无法为其创建快照。请修复或重建服务器后再备份。</translation>
    </message>
    <message>
        <source>Server %1 is in status %2; a backup needs it ACTIVE, SHUTOFF, PAUSED or SUSPENDED. Try again when it is.</source>
        <translation>服务器 %1 处于 %2 状态；备份要求其处于 ACTIVE、SHUTOFF、PAUSED 或 SUSPENDED 状态。请在满足条件时重试。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Server %1 is busy (task_state %2); try again when it is idle.</source>
        <translation>服务器 %1 正忙（task_state %2）；请在其空闲时重试。</translation>
    </message>
    <message>
        <source>Server %1 boots from a volume (%2), and without its data (&quot;Include server data&quot; off) only an original image could be saved, which a volume does not have; nothing was backed up. Include the server&apos;s data to back up its volumes.</source>
        <translation>服务器 %1 从卷启动（%2）；不包含其数据（“包含服务器数据”已关闭）时只能保存原始镜像，而卷没有原始镜像；未备份任何内容。请包含服务器数据以备份其卷。</translation>
    </message>
</context>
<context>
    <name>sv::SweepJob</name>
    <message>
        <source>Remove leftover temporary snapshots</source>
        <translation>删除遗留的临时快照</translation>
    </message>
    <message numerus="yes">
        <source>%n temporary snapshot(s) could not be removed yet; StackVault will try again.</source>
        <translation>
            <numerusform>%n 个临时快照暂时无法删除；StackVault 会再次尝试。</numerusform>
        </translation>
    </message>
    <message>
        <source>Snapshot %1 (backup %2) belongs to a cloud that is not available now.</source>
        <translation>快照 %1（备份 %2）所属的云当前不可用。</translation>
    </message>
    <message>
        <source>Snapshot %1: %2</source>
        <translation>快照 %1：%2</translation>
    </message>
    <message>
        <source>A backup or restore is running; leftover temporary snapshots will be removed later.</source>
        <translation>有备份或恢复正在运行；遗留的临时快照将稍后删除。</translation>
    </message>
    <message>
        <source>Backup %1: %2</source>
        <translation>备份 %1：%2</translation>
    </message>
    <message>
        <source>Server %1: %2</source>
        <translation>服务器 %1：%2</translation>
    </message>
    <message>
        <source>Nothing was left over by interrupted backups or restores.</source>
        <translation>中断的备份或恢复没有留下任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n leftover(s) of interrupted backups or restores: %1.</source>
        <translation>
            <numerusform>已删除中断的备份或恢复留下的 %n 项残留：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>快照 %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>volume %1</source>
        <translation>卷 %1</translation>
    </message>
    <message>
        <source>Volume %1: %2</source>
        <translation>卷 %1：%2</translation>
    </message>
    <message>
        <source>volume snapshot %1</source>
        <translation>卷快照 %1</translation>
    </message>
    <message>
        <source>Volume snapshot %1: %2</source>
        <translation>卷快照 %1：%2</translation>
    </message>
    <message>
        <source>Port %1: %2</source>
        <translation>端口 %1：%2</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>端口 %1</translation>
    </message>
</context>
<context>
    <name>sv::TestRestoreJob</name>
    <message>
        <source>Test restore of backup %1</source>
        <translation>测试恢复备份 %1</translation>
    </message>
    <message>
        <source>The restore test of backup %1 could not start in cloud %2: %3</source>
        <translation>备份 %1 的恢复测试无法在云 %2 中开始：%3</translation>
    </message>
    <message>
        <source>Backup %1 failed its restore test in cloud %2: %3</source>
        <translation>备份 %1 在云 %2 中的恢复测试失败：%3</translation>
    </message>
    <message>
        <source>Backup %1 passed its restore test in cloud %2: server %3 became ACTIVE (no console marker was asked for).</source>
        <translation>备份 %1 在云 %2 中通过了恢复测试：服务器 %3 已变为 ACTIVE（未要求控制台标记）。</translation>
    </message>
    <message>
        <source>Backup %1 passed its restore test in cloud %2: server %3 became ACTIVE and its console log showed &quot;%4&quot; after %5 s.</source>
        <translation>备份 %1 在云 %2 中通过了恢复测试：服务器 %3 已变为 ACTIVE，其控制台日志在 %5 秒后显示了“%4”。</translation>
    </message>
    <message>
        <source>Backup %1 failed its restore test in cloud %2: the console log of server %3 could not be read: %4 Test without a marker (ACTIVE only) if this cloud offers no console logs.</source>
        <translation>备份 %1 在云 %2 中的恢复测试失败：无法读取服务器 %3 的控制台日志：%4 如果该云不提供控制台日志，请不带标记测试（仅检查 ACTIVE）。</translation>
    </message>
    <message>
        <source>the log stayed empty</source>
        <translation>日志一直为空</translation>
    </message>
    <message>
        <source>its last line: &quot;%1&quot;</source>
        <translation>最后一行：“%1”</translation>
    </message>
    <message>
        <source>Backup %1 failed its restore test in cloud %2: server %3 became ACTIVE, but its console log did not show &quot;%4&quot; within %5 s (%6). The image may not boot in that cloud, or may not log to the serial console; a longer marker timeout or another marker may help.</source>
        <translation>备份 %1 在云 %2 中的恢复测试失败：服务器 %3 已变为 ACTIVE，但其控制台日志在 %5 秒内没有显示“%4”（%6）。该镜像可能无法在此云中启动，或不向串行控制台输出日志；更长的标记超时或其他标记可能有帮助。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>server %1 (%2): %3</source>
        <translation>服务器 %1（%2）：%3</translation>
    </message>
    <message>
        <source>server %1 (%2) is still being deleted: %3</source>
        <translation>服务器 %1（%2）仍在删除中：%3</translation>
    </message>
    <message>
        <source>image %1: %2</source>
        <translation>镜像 %1：%2</translation>
    </message>
    <message>
        <source>volume %1: %2</source>
        <translation>卷 %1：%2</translation>
    </message>
    <message>
        <source>Everything the test made was removed.</source>
        <translation>测试创建的所有内容均已删除。</translation>
    </message>
    <message>
        <source>Not everything the test made could be removed: %1. It stays in the backup storage&apos;s journal: the next sweep (stackvault-cli sweep, or the desktop app&apos;s next start) removes it.</source>
        <translation>测试创建的内容未能全部删除：%1。它保留在备份存储的日志中：下一次清理（stackvault-cli sweep，或桌面应用下次启动）会将其删除。</translation>
    </message>
    <message>
        <source>The result was not recorded in the backup: %1</source>
        <translation>结果未记录到备份中：%1</translation>
    </message>
</context>
<context>
    <name>sv::VerifyJob</name>
    <message>
        <source>Verify backup %1</source>
        <translation>校验备份 %1</translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 is damaged: %n problem(s) found.</source>
        <translation>
            <numerusform>备份 %1 已损坏：发现 %n 个问题。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backup %1 is intact: %n chunk(s) re-read and re-hashed.</source>
        <translation>
            <numerusform>备份 %1 完好无损：已重新读取并校验 %n 个数据块。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sv::VolumeSelection</name>
    <message>
        <source>&quot;%1&quot; names no volume: give all, none, or volume names or ids separated by commas.</source>
        <translation>“%1”未指定任何卷：请给出 all、none，或以逗号分隔的卷名称或 ID。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ApiJob</name>
    <message>
        <source>The connection to the cloud is gone.</source>
        <translation>与云的连接已断开。</translation>
    </message>
    <message>
        <source>The cloud &quot;%1&quot; (%2) sent no data for %3 seconds; the request was given up.</source>
        <translation>云“%1”（%2）在 %3 秒内没有发送数据；已放弃该请求。</translation>
    </message>
    <message>
        <source>The secure connection to %1 (cloud &quot;%2&quot;) failed: %3. Check the cloud&apos;s CA bundle setting, or turn off certificate verification only if you trust this network.</source>
        <translation>与 %1（云“%2”）的安全连接失败：%3。请检查云的 CA 证书包设置；只有在信任此网络时才关闭证书验证。</translation>
    </message>
    <message>
        <source>Cannot reach %1 (cloud &quot;%2&quot;): %3.</source>
        <translation>无法访问 %1（云“%2”）：%3。</translation>
    </message>
    <message>
        <source>The cloud sent a response that is not the expected JSON object (%1).</source>
        <translation>云发送的响应不是预期的 JSON 对象（%1）。</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>Refusing to send a request for &quot;%1&quot;: the cloud returned an id with path characters in it (&quot;%2&quot;).</source>
        <translation>拒绝发送“%1”的请求：云返回的 ID 中含有路径字符（“%2”）。</translation>
    </message>
    <message>
        <source>Refusing to follow a link of the cloud with &quot;..&quot; in its path (%1).</source>
        <translation>拒绝跟随路径中含有“..”的云链接（%1）。</translation>
    </message>
    <message>
        <source>%1 (cloud &quot;%2&quot;) sent a response larger than %3 MiB where a small JSON document was expected; StackVault stopped reading it. The server is broken or not an OpenStack service.</source>
        <translation>%1（云“%2”）在应返回小型 JSON 文档处发送了大于 %3 MiB 的响应；StackVault 已停止读取。该服务器已损坏或不是 OpenStack 服务。</translation>
    </message>
    <message>
        <source>%1 (cloud &quot;%2&quot;) redirected the request to another place (%3); StackVault does not follow redirects to other hosts, so that credentials never leave the cloud.</source>
        <translation>%1（云“%2”）将请求重定向到了别处（%3）；StackVault 不会跟随到其他主机的重定向，以确保凭据绝不离开该云。</translation>
    </message>
    <message>
        <source>The connection to %1 (cloud &quot;%2&quot;) broke off before the whole response arrived (%3).</source>
        <translation>与 %1（云“%2”）的连接在完整响应到达之前中断了（%3）。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::AttachVolumeJob</name>
    <message>
        <source>Volume %1 cannot be attached to server %2: one of them does not exist (any more).</source>
        <translation>无法将卷 %1 挂载到服务器 %2：其中之一不存在（或已不存在）。</translation>
    </message>
    <message>
        <source>Volume %1 cannot be attached to server %2 now: %3</source>
        <translation>现在无法将卷 %1 挂载到服务器 %2：%3</translation>
    </message>
</context>
<context>
    <name>sv::openstack::AuthenticateJob</name>
    <message>
        <source>The identity service of cloud &quot;%1&quot; answered without a token; is the auth URL a Keystone v3 endpoint?</source>
        <translation>云“%1”的身份服务返回的响应中没有令牌；认证 URL 是 Keystone v3 端点吗？</translation>
    </message>
    <message>
        <source>Cannot read the compute API version of cloud &quot;%1&quot;: %2</source>
        <translation>无法读取云“%1”的计算 API 版本：%2</translation>
    </message>
    <message>
        <source>The application credential for cloud &quot;%1&quot; was not accepted (wrong id, name or secret, or it has expired).</source>
        <translation>云“%1”的应用凭据未被接受（ID、名称或机密错误，或已过期）。</translation>
    </message>
    <message>
        <source>Wrong user name or password for cloud &quot;%1&quot;.</source>
        <translation>云“%1”的用户名或密码错误。</translation>
    </message>
    <message>
        <source>There is no Keystone v3 identity service at %1 (cloud &quot;%2&quot;); check the auth URL.</source>
        <translation>%1（云“%2”）处没有 Keystone v3 身份服务；请检查认证 URL。</translation>
    </message>
    <message>
        <source>The identity service of cloud &quot;%1&quot; refused the login: %2</source>
        <translation>云“%1”的身份服务拒绝了登录：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::Connection</name>
    <message>
        <source>The CA bundle %1 of cloud &quot;%2&quot; holds no PEM certificate.</source>
        <translation>云“%2”的 CA 证书包 %1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>The CA bundle %1 of cloud &quot;%2&quot; does not exist.</source>
        <translation>云“%2”的 CA 证书包 %1 不存在。</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot; offers no services to this login: choose a project in the cloud&apos;s settings.</source>
        <translation>云“%1”没有为此登录提供任何服务：请在云的设置中选择一个项目。</translation>
    </message>
    <message>
        <source>Cloud &quot;%1&quot;: %2</source>
        <translation>云“%1”：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ConsoleOutputJob</name>
    <message>
        <source>The compute service answered the console log request of server %1 without an output.</source>
        <translation>计算服务对服务器 %1 的控制台日志请求的应答中没有输出。</translation>
    </message>
    <message>
        <source>Server %1 does not exist (any more).</source>
        <translation>服务器 %1 不存在（或已不存在）。</translation>
    </message>
    <message>
        <source>Server %1 has no console log yet: %2</source>
        <translation>服务器 %1 尚无控制台日志：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateContainerJob</name>
    <message>
        <source>You may not create the container %1 in this project: %2</source>
        <translation>您无权在此项目中创建容器 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateImageJob</name>
    <message>
        <source>The image service created an image but sent no id.</source>
        <translation>镜像服务创建了镜像，但没有返回 ID。</translation>
    </message>
    <message>
        <source>The image service refused to create image &quot;%1&quot;: %2</source>
        <translation>镜像服务拒绝创建镜像“%1”：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreatePortJob</name>
    <message>
        <source>The network service accepted the new port but sent no id.</source>
        <translation>网络服务接受了新端口，但未返回 ID。</translation>
    </message>
    <message>
        <source>Address %1 is not part of network %2.</source>
        <translation>地址 %1 不属于网络 %2。</translation>
    </message>
    <message>
        <source>Address %1 is already in use on network %2.</source>
        <translation>地址 %1 在网络 %2 上已被占用。</translation>
    </message>
    <message>
        <source>The cloud refused to create a port on network %1: %2</source>
        <translation>云拒绝在网络 %1 上创建端口：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateServerImageJob</name>
    <message>
        <source>The compute service accepted the snapshot of server %1 but did not say which image it creates.</source>
        <translation>计算服务接受了服务器 %1 的快照请求，但没有说明将创建哪个镜像。</translation>
    </message>
    <message>
        <source>Server %1 is busy (task_state %2); try again when it is idle.</source>
        <translation>服务器 %1 正忙（task_state %2）；请在其空闲时重试。</translation>
    </message>
    <message>
        <source>Server %1 cannot be snapshotted while it is in state %2.</source>
        <translation>服务器 %1 处于 %2 状态时无法创建快照。</translation>
    </message>
    <message>
        <source>Server %1 is busy; try again when it is idle (%2).</source>
        <translation>服务器 %1 正忙；请在其空闲时重试（%2）。</translation>
    </message>
    <message>
        <source>Server %1 does not exist (any more).</source>
        <translation>服务器 %1 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>The cloud refused to snapshot server %1: %2</source>
        <translation>云拒绝为服务器 %1 创建快照：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateServerJob</name>
    <message>
        <source>A new server needs an image or a boot volume.</source>
        <translation>新服务器需要一个镜像或启动卷。</translation>
    </message>
    <message>
        <source>The compute service accepted the new server but sent no id.</source>
        <translation>计算服务接受了新服务器，但没有返回 ID。</translation>
    </message>
    <message>
        <source>The cloud refused to create server %1: %2</source>
        <translation>云拒绝创建服务器 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateVolumeJob</name>
    <message>
        <source>The block storage service accepted volume %1 but did not say its id.</source>
        <translation>块存储服务接受了卷 %1，但没有给出其 ID。</translation>
    </message>
    <message>
        <source>The volume quota of the project is used up, so volume %1 (%2 GB) cannot be created: %3. Delete volumes you no longer need or ask for a larger quota.</source>
        <translation>项目的卷配额已用完，因此无法创建卷 %1（%2 GB）：%3。请删除不再需要的卷，或申请更大的配额。</translation>
    </message>
    <message>
        <source>The block storage service refused to create volume %1: %2</source>
        <translation>块存储服务拒绝创建卷 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::CreateVolumeSnapshotJob</name>
    <message>
        <source>The block storage service accepted the snapshot of volume %1 but did not say which snapshot it creates.</source>
        <translation>块存储服务接受了卷 %1 的快照请求，但没有说明创建的是哪个快照。</translation>
    </message>
    <message>
        <source>Volume %1 does not exist (any more).</source>
        <translation>卷 %1 不存在（或已不存在）。</translation>
    </message>
    <message>
        <source>The snapshot quota of the project is used up, so volume %1 cannot be snapshotted: %2. Delete old volume snapshots or ask for a larger quota.</source>
        <translation>项目的快照配额已用完，因此无法为卷 %1 创建快照：%2。请删除旧的卷快照，或申请更大的配额。</translation>
    </message>
    <message>
        <source>The block storage service refused to snapshot volume %1: %2</source>
        <translation>块存储服务拒绝为卷 %1 创建快照：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteImageJob</name>
    <message>
        <source>Image %1 may not be deleted (it is protected or not yours): %2</source>
        <translation>不能删除镜像 %1（它受保护或不属于您）：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeletePortJob</name>
    <message>
        <source>Port %1 could not be deleted: %2</source>
        <translation>无法删除端口 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteServerJob</name>
    <message>
        <source>Server %1 cannot be deleted now: %2</source>
        <translation>服务器 %1 现在无法删除：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteVolumeJob</name>
    <message>
        <source>Volume %1 cannot be deleted now (%2); it may be attached or still have snapshots.</source>
        <translation>现在无法删除卷 %1（%2）；它可能仍被挂载或仍有快照。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DeleteVolumeSnapshotJob</name>
    <message>
        <source>Volume snapshot %1 cannot be deleted now (%2); a volume made from it may still exist.</source>
        <translation>现在无法删除卷快照 %1（%2）；由它创建的卷可能仍然存在。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::DetachVolumeJob</name>
    <message>
        <source>Volume %1 cannot be detached from server %2 now: %3</source>
        <translation>现在无法将卷 %1 从服务器 %2 卸载：%3</translation>
    </message>
</context>
<context>
    <name>sv::openstack::Error</name>
    <message>
        <source>The cloud could not be reached</source>
        <translation>无法访问云</translation>
    </message>
    <message>
        <source>The cloud stopped answering (no data within the time limit); try again later.</source>
        <translation>云停止响应（在时限内没有数据）；请稍后重试。</translation>
    </message>
    <message>
        <source>The secure connection to the cloud failed</source>
        <translation>与云的安全连接失败</translation>
    </message>
    <message>
        <source>The cloud did not accept the credentials</source>
        <translation>云不接受这些凭据</translation>
    </message>
    <message>
        <source>You are not allowed to do this in this project</source>
        <translation>您无权在此项目中执行此操作</translation>
    </message>
    <message>
        <source>The resource no longer exists</source>
        <translation>该资源已不存在</translation>
    </message>
    <message>
        <source>The resource is busy or in the wrong state</source>
        <translation>该资源正忙或状态不正确</translation>
    </message>
    <message>
        <source>; try again when it is idle.</source>
        <translation>；请在其空闲时重试。</translation>
    </message>
    <message>
        <source>The cloud rejected the request</source>
        <translation>云拒绝了该请求</translation>
    </message>
    <message>
        <source>A quota or rate limit of the cloud was reached</source>
        <translation>已达到云的配额或速率限制</translation>
    </message>
    <message>
        <source>The cloud service is unavailable (HTTP %1); try again later.</source>
        <translation>云服务不可用（HTTP %1）；请稍后重试。</translation>
    </message>
    <message>
        <source>The cloud answered with HTTP %1</source>
        <translation>云返回了 HTTP %1</translation>
    </message>
    <message>
        <source>The cloud sent a response that StackVault does not understand</source>
        <translation>云发送了 StackVault 无法理解的响应</translation>
    </message>
    <message>
        <source>The cloud does not offer the needed service</source>
        <translation>云不提供所需的服务</translation>
    </message>
    <message>
        <source>The downloaded data does not match the cloud&apos;s checksum</source>
        <translation>下载的数据与云的校验和不符</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Gave up waiting</source>
        <translation>已放弃等待</translation>
    </message>
    <message>
        <source>The operation failed in the cloud</source>
        <translation>该操作在云中失败</translation>
    </message>
    <message>
        <source>Invalid request</source>
        <translation>无效请求</translation>
    </message>
</context>
<context>
    <name>sv::openstack::GetObjectJob</name>
    <message>
        <source>Object %1 arrived damaged: its checksum is %2, the object store says %3.</source>
        <translation>对象 %1 到达时已损坏：其校验和为 %2，对象存储给出的是 %3。</translation>
    </message>
    <message>
        <source>Object %1 does not exist in container %2.</source>
        <translation>对象 %1 在容器 %2 中不存在。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ImageDownloadJob</name>
    <message>
        <source>Image %1 cannot be downloaded while its status is &quot;%2&quot;.</source>
        <translation>镜像 %1 处于“%2”状态时无法下载。</translation>
    </message>
    <message>
        <source>The image service resumed image %1 at the wrong position.</source>
        <translation>镜像服务从错误的位置继续传输镜像 %1。</translation>
    </message>
    <message>
        <source>The download of image %1 was stopped by its receiver.</source>
        <translation>镜像 %1 的下载被接收方停止。</translation>
    </message>
    <message>
        <source>Image %1 has no data (a snapshot of a volume-backed server keeps its data in volume snapshots).</source>
        <translation>镜像 %1 没有数据（基于卷的服务器的快照将数据保存在卷快照中）。</translation>
    </message>
    <message>
        <source>Image %1: received %2 bytes, but the image has %3.</source>
        <translation>镜像 %1：收到 %2 字节，但镜像有 %3 字节。</translation>
    </message>
    <message>
        <source>Image %1 arrived damaged: its MD5 is %2, the cloud says %3.</source>
        <translation>镜像 %1 到达时已损坏：其 MD5 为 %2，云给出的是 %3。</translation>
    </message>
    <message>
        <source>Image %1 arrived damaged: its %2 does not match the cloud&apos;s.</source>
        <translation>镜像 %1 到达时已损坏：其 %2 与云中的不符。</translation>
    </message>
    <message>
        <source>Image %1 does not exist (any more).</source>
        <translation>镜像 %1 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>The download of image %1 failed after %2 bytes and %3 resumptions: %4</source>
        <translation>镜像 %1 的下载在 %2 字节和 %3 次续传后失败：%4</translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes.</source>
        <translation>连接在传输 %2 字节中的 %1 字节后关闭。</translation>
    </message>
    <message>
        <source>The image service sent more than the %1 bytes of image %2; the download was stopped (the server is broken or not what it claims).</source>
        <translation>镜像服务发送的数据超过了镜像 %2 的 %1 字节；下载已停止（服务器已损坏或与其声称的不符）。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ImageStatusWaiter</name>
    <message>
        <source>Image %1 disappeared while waiting for it to become active (the cloud deleted a failed snapshot).</source>
        <translation>在等待镜像 %1 变为可用时它消失了（云删除了失败的快照）。</translation>
    </message>
    <message>
        <source>Image %1 ended in status &quot;%2&quot; instead of becoming active.</source>
        <translation>镜像 %1 最终处于“%2”状态，而没有变为可用。</translation>
    </message>
    <message>
        <source>Image %1 is still &quot;%2&quot; after %3 seconds; gave up waiting.</source>
        <translation>%3 秒后镜像 %1 仍处于“%2”状态；已放弃等待。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ImageUploadJob</name>
    <message>
        <source>The upload of image %1 has no readable source.</source>
        <translation>镜像 %1 的上传没有可读取的数据源。</translation>
    </message>
    <message>
        <source>Image %1 does not accept data now (it must be queued): %2</source>
        <translation>镜像 %1 现在不接受数据（它必须处于 queued 状态）：%2</translation>
    </message>
    <message>
        <source>The image service refused the data of image %1 (quota or size limit): %2</source>
        <translation>镜像服务拒绝了镜像 %1 的数据（配额或大小限制）：%2</translation>
    </message>
    <message>
        <source>The image service refused the data of image %1: %2</source>
        <translation>镜像服务拒绝了镜像 %1 的数据：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ListObjectsJob</name>
    <message>
        <source>The object store sent a listing that is not a JSON array.</source>
        <translation>对象存储返回的列表不是 JSON 数组。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ProducerDevice</name>
    <message>
        <source>The data source of the upload failed.</source>
        <translation>上传的数据源出错。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::PutObjectJob</name>
    <message>
        <source>The object store stored %1 with checksum %2, but StackVault sent %3.</source>
        <translation>对象存储以校验和 %2 保存了 %1，但 StackVault 发送的是 %3。</translation>
    </message>
    <message>
        <source>The object store received %1 damaged (checksum mismatch); try again.</source>
        <translation>对象存储收到的 %1 已损坏（校验和不匹配）；请重试。</translation>
    </message>
    <message>
        <source>The object store container %1 does not exist (any more).</source>
        <translation>对象存储容器 %1 不存在（或已不存在）。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ServerStatusWaiter</name>
    <message>
        <source>Server %1 disappeared while waiting for it.</source>
        <translation>在等待服务器 %1 时它消失了。</translation>
    </message>
    <message>
        <source>Server %1 went into ERROR.</source>
        <translation>服务器 %1 进入了 ERROR 状态。</translation>
    </message>
    <message>
        <source>Server %1 went into ERROR: %2</source>
        <translation>服务器 %1 进入了 ERROR 状态：%2</translation>
    </message>
    <message>
        <source>Server %1 was deleted while waiting for it.</source>
        <translation>在等待服务器 %1 时它被删除了。</translation>
    </message>
    <message>
        <source>Server %1 still exists after %2 seconds; gave up waiting.</source>
        <translation>%2 秒后服务器 %1 仍然存在；已放弃等待。</translation>
    </message>
    <message>
        <source>Server %1 is still %2%3 after %4 seconds instead of %5; gave up waiting.</source>
        <translation>%4 秒后服务器 %1 仍为 %2%3，而不是 %5；已放弃等待。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ServiceCatalog</name>
    <message>
        <source>The cloud&apos;s catalog has no %1 service.</source>
        <translation>云的服务目录中没有 %1 服务。</translation>
    </message>
    <message>
        <source>The cloud&apos;s catalog has no %1 endpoint for interface &quot;%2&quot;%3; it offers %4.</source>
        <translation>云的服务目录中没有接口“%2”%3的 %1 端点；它提供的是 %4。</translation>
    </message>
    <message>
        <source> in region &quot;%1&quot;</source>
        <translation>（区域“%1”）</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowImageJob</name>
    <message>
        <source>The image service sent an image without an id.</source>
        <translation>镜像服务返回了一个没有 ID 的镜像。</translation>
    </message>
    <message>
        <source>Image %1 does not exist (any more).</source>
        <translation>镜像 %1 不存在（或已被删除）。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowServerJob</name>
    <message>
        <source>The compute service sent a server without an id.</source>
        <translation>计算服务返回了一个没有 ID 的服务器。</translation>
    </message>
    <message>
        <source>Server %1 does not exist (any more).</source>
        <translation>服务器 %1 不存在（或已被删除）。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowVolumeJob</name>
    <message>
        <source>The block storage service sent a volume without an id.</source>
        <translation>块存储服务返回了一个没有 ID 的卷。</translation>
    </message>
    <message>
        <source>Volume %1 does not exist (any more).</source>
        <translation>卷 %1 不存在（或已被删除）。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowVolumeLimitsJob</name>
    <message>
        <source>The block storage service sent limits without their absolute values.</source>
        <translation>块存储服务发送的限制中没有绝对值。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::ShowVolumeSnapshotJob</name>
    <message>
        <source>The block storage service sent a snapshot without an id.</source>
        <translation>块存储服务发送了一个没有 ID 的快照。</translation>
    </message>
    <message>
        <source>Volume snapshot %1 does not exist (any more).</source>
        <translation>卷快照 %1 不存在（或已不存在）。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::StatusWaiter</name>
    <message>
        <source>The connection to the cloud is gone.</source>
        <translation>与云的连接已断开。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::UpdateImageJob</name>
    <message>
        <source>Image %1 does not exist (any more).</source>
        <translation>镜像 %1 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>The image service refused to change image %1: %2</source>
        <translation>镜像服务拒绝修改镜像 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::UploadVolumeToImageJob</name>
    <message>
        <source>The block storage service accepted the upload of volume %1 but did not say which image it creates.</source>
        <translation>块存储服务接受了卷 %1 的上传请求，但没有说明创建的是哪个镜像。</translation>
    </message>
    <message>
        <source>Volume %1 does not exist (any more).</source>
        <translation>卷 %1 不存在（或已不存在）。</translation>
    </message>
    <message>
        <source>The image quota is used up, so volume %1 cannot be copied to an image: %2</source>
        <translation>镜像配额已用完，因此无法将卷 %1 复制为镜像：%2</translation>
    </message>
    <message>
        <source>The block storage service refused to copy volume %1 to an image: %2</source>
        <translation>块存储服务拒绝将卷 %1 复制为镜像：%2</translation>
    </message>
</context>
<context>
    <name>sv::openstack::VolumeSnapshotStatusWaiter</name>
    <message>
        <source>snapshot %1</source>
        <translation>快照 %1</translation>
    </message>
    <message>
        <source>the snapshot of volume %1</source>
        <translation>卷 %1 的快照</translation>
    </message>
    <message>
        <source>Volume snapshot %1 disappeared while waiting for it to become available.</source>
        <translation>在等待卷快照 %1 变为可用时，它消失了。</translation>
    </message>
    <message>
        <source>The block storage service could not make %1: it ended in status &quot;%2&quot;.</source>
        <translation>块存储服务未能创建%1：其最终状态为“%2”。</translation>
    </message>
    <message>
        <source>Waited %1 seconds for %2; it is still &quot;%3&quot;. Gave up waiting.</source>
        <translation>已等待%2 %1 秒，其状态仍为“%3”。已停止等待。</translation>
    </message>
</context>
<context>
    <name>sv::openstack::VolumeStatusWaiter</name>
    <message>
        <source>Volume %1 disappeared while waiting for it to become %2.</source>
        <translation>在等待卷 %1 变为 %2 时，它消失了。</translation>
    </message>
    <message>
        <source>Volume %1 ended in status &quot;%2&quot; instead of becoming %3.</source>
        <translation>卷 %1 最终处于状态“%2”，而未变为 %3。</translation>
    </message>
    <message>
        <source>Volume %1 is still &quot;%2&quot; after %3 seconds; gave up waiting for it to become %4.</source>
        <translation>%3 秒后卷 %1 仍为“%2”；已停止等待其变为 %4。</translation>
    </message>
</context>
<context>
    <name>sv::ui::Backend</name>
    <message>
        <source>This backend cannot list a cloud&apos;s projects.</source>
        <translation>此后端无法列出云的项目。</translation>
    </message>
    <message>
        <source>This backend cannot list another project&apos;s servers.</source>
        <translation>此后端无法列出其他项目的服务器。</translation>
    </message>
</context>
<context>
    <name>sv::ui::BackupsModel</name>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>With data</source>
        <translation>包含数据</translation>
    </message>
    <message>
        <source>Original image only</source>
        <translation>仅原始镜像</translation>
    </message>
    <message>
        <source>Space this backup added to the backup storage; data shared with other backups is stored once.</source>
        <translation>此备份在备份存储中新增占用的空间；与其他备份共享的数据只存储一次。</translation>
    </message>
    <message>
        <source>A snapshot was taken first: data written since boot is included.</source>
        <translation>已先创建快照：包含自启动以来写入的数据。</translation>
    </message>
    <message>
        <source>Only the server&apos;s original image was saved.</source>
        <translation>仅保存了服务器的原始镜像。</translation>
    </message>
    <message>
        <source>Backup %1</source>
        <translation>备份 %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n volume(s)</source>
        <translation>
            <numerusform>%1，%n 个卷</numerusform>
        </translation>
    </message>
    <message>
        <source>Volumes saved:</source>
        <translation>已备份的卷：</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>未测试</translation>
    </message>
    <message>
        <source>Tested ✓ %1</source>
        <translation>已测试 ✓ %1</translation>
    </message>
    <message>
        <source>Test failed %1</source>
        <translation>测试失败 %1</translation>
    </message>
    <message>
        <source>The restore test in cloud %1 on %2 failed: %3</source>
        <translation>%2 在云 %1 中的恢复测试失败：%3</translation>
    </message>
    <message>
        <source>Restored as a test in cloud %1 on %2: the server became ACTIVE.</source>
        <translation>%2 在云 %1 中测试恢复：服务器已变为 ACTIVE。</translation>
    </message>
    <message>
        <source>Restored as a test in cloud %1 on %2: the server became ACTIVE and its console log showed &quot;%3&quot;.</source>
        <translation>%2 在云 %1 中测试恢复：服务器已变为 ACTIVE，其控制台日志显示了“%3”。</translation>
    </message>
    <message>
        <source>Restore test</source>
        <translation>恢复测试</translation>
    </message>
    <message>
        <source>This backup was never restored as a test. Test Restore… (or stackvault-cli test-restore) restores it under a scratch name, checks that it boots and removes it again.</source>
        <translation>此备份从未做过恢复测试。“测试恢复…”（或 stackvault-cli test-restore）会以临时名称恢复它，检查它能否启动，然后再将其删除。</translation>
    </message>
</context>
<context>
    <name>sv::ui::BackupsView</name>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>校验(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>All servers</source>
        <translation>所有服务器</translation>
    </message>
    <message>
        <source>Delete Backup</source>
        <translation>删除备份</translation>
    </message>
    <message>
        <source>Delete the backup of “%1” from %2? This cannot be undone.</source>
        <translation>要删除“%1”在 %2 的备份吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Backup storage: %1 — encrypted</source>
        <translation>备份存储：%1 — 已加密</translation>
    </message>
    <message>
        <source>Backup storage: %1 — not encrypted</source>
        <translation>备份存储：%1 — 未加密</translation>
    </message>
    <message>
        <source>Disks, indexes and the journal are encrypted with AES-256-GCM; the passphrase is in the keychain.</source>
        <translation>磁盘、索引和日志均使用 AES-256-GCM 加密；口令保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Made by an older version or without encryption: anyone who can read the storage can read the backed-up disks.</source>
        <translation>由旧版本创建或未启用加密：任何能读取该存储的人都能读取备份的磁盘。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the backup&apos;s disks into raw or qcow2 files</source>
        <translation>将备份的磁盘写入 raw 或 qcow2 文件</translation>
    </message>
    <message>
        <source>&amp;Test Restore…</source>
        <translation>测试恢复(&amp;T)…</translation>
    </message>
    <message>
        <source>Prove that the backup boots: restore it under a scratch name, wait until it runs, remove it again and record the result</source>
        <translation>证明备份可以启动：以临时名称恢复，等待其运行，再将其删除并记录结果</translation>
    </message>
</context>
<context>
    <name>sv::ui::CloudProfilesDialog</name>
    <message>
        <source>Manage Clouds</source>
        <translation>管理云</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Application credential</source>
        <translation>应用凭据</translation>
    </message>
    <message>
        <source>Unchanged when left empty</source>
        <translation>留空则保持不变</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Auth URL:</source>
        <translation>认证 URL(&amp;A)：</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>登录方式(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>User &amp;domain:</source>
        <translation>用户域(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <source>Project d&amp;omain:</source>
        <translation>项目域(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Credential ID:</source>
        <translation>凭据 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>区域(&amp;G)：</translation>
    </message>
    <message>
        <source>Pass&amp;word or secret:</source>
        <translation>密码或机密(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Fill in the new cloud and click Save.</source>
        <translation>请填写新云的信息，然后点击“保存”。</translation>
    </message>
    <message>
        <source>Enter the password or application credential secret.</source>
        <translation>请输入密码或应用凭据机密。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saving the password in the keyring…</source>
        <translation>正在将密码保存到密钥环…</translation>
    </message>
    <message>
        <source>Saved. The password is in the desktop keyring.</source>
        <translation>已保存。密码存放在桌面密钥环中。</translation>
    </message>
    <message>
        <source>The cloud was saved, but its password was not: %1</source>
        <translation>云已保存，但其密码未保存：%1</translation>
    </message>
    <message>
        <source>Remove Cloud</source>
        <translation>移除云</translation>
    </message>
    <message>
        <source>Remove the cloud “%1” and its password from this computer? Backups are kept.</source>
        <translation>要从此计算机上移除云“%1”及其密码吗？备份会保留。</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>已移除。</translation>
    </message>
    <message>
        <source>Import &amp;clouds.yaml…</source>
        <translation>导入 clouds.yaml(&amp;C)…</translation>
    </message>
    <message>
        <source>Add the clouds of an OpenStack clouds.yaml file (a secure.yaml next to it is read too)</source>
        <translation>添加 OpenStack clouds.yaml 文件中的云（同目录下的 secure.yaml 也会被读取）</translation>
    </message>
    <message>
        <source>Import &amp;OS_* Variables</source>
        <translation>导入 OS_* 变量(&amp;O)</translation>
    </message>
    <message>
        <source>Add the cloud described by the OS_* variables StackVault was started with (an openrc file)</source>
        <translation>添加启动 StackVault 时的 OS_* 变量所描述的云（openrc 文件）</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Import clouds.yaml</source>
        <translation>导入 clouds.yaml</translation>
    </message>
    <message>
        <source>OpenStack configuration (clouds.yaml clouds.yml clouds.json)</source>
        <translation>OpenStack 配置（clouds.yaml clouds.yml clouds.json）</translation>
    </message>
    <message>
        <source>YAML or JSON files (*.yaml *.yml *.json)</source>
        <translation>YAML 或 JSON 文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Reading the OS_* variables…</source>
        <translation>正在读取 OS_* 变量…</translation>
    </message>
    <message>
        <source>“%1” was not imported: %2</source>
        <translation>“%1”未导入：%2</translation>
    </message>
    <message>
        <source>No cloud was found there.</source>
        <translation>那里没有找到云。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n cloud(s).</source>
        <translation>
            <numerusform>已导入 %n 个云。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was imported, but its password was not saved: %2</source>
        <translation>“%1”已导入，但其密码未能保存：%2</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>系统证书</translation>
    </message>
    <message>
        <source>Warning: the server&apos;s identity is not checked for this cloud. Anyone on the network path can read the password and the backups. Use a CA bundle instead if the cloud has its own certificate authority.</source>
        <translation>警告：此云的服务器身份未经验证。网络路径上的任何人都能读取密码和备份。如果该云有自己的证书颁发机构，请改用 CA 证书包。</translation>
    </message>
    <message>
        <source>CA &amp;bundle:</source>
        <translation>CA 证书包(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>sv::ui::CloudTreeModel</name>
    <message numerus="yes">
        <source>%n server(s)</source>
        <translation>
            <numerusform>%n 台服务器</numerusform>
        </translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>Region: %1</source>
        <translation>区域：%1</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>Boot image: %1</source>
        <translation>启动镜像：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Could not load the servers: %1</source>
        <translation>无法加载服务器：%1</translation>
    </message>
    <message>
        <source>%1
Double-click or choose Retry to try again.</source>
        <translation>%1
双击或选择“重试”以再次尝试。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Boot volume</source>
        <translation>启动卷</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>Volume type: %1</source>
        <translation>卷类型：%1</translation>
    </message>
    <message>
        <source>Size and device unknown: Cinder did not list this volume.</source>
        <translation>大小和设备未知：Cinder 未列出此卷。</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>所有项目</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>The servers of every project of this cloud, as its admin credentials see them, grouped by project (each project is listed when you open it).</source>
        <translation>此云中每个项目的服务器（按其管理员凭据所见），按项目分组（展开项目时才列出）。</translation>
    </message>
    <message>
        <source>Project ID: %1</source>
        <translation>项目 ID：%1</translation>
    </message>
    <message>
        <source>Could not load the projects: %1</source>
        <translation>无法加载项目：%1</translation>
    </message>
</context>
<context>
    <name>sv::ui::CoreBackend</name>
    <message>
        <source>This cloud is no longer saved.</source>
        <translation>此云已不再保存。</translation>
    </message>
    <message>
        <source>Open the cloud in the tree first so that StackVault can sign in to it.</source>
        <translation>请先在树中展开该云，以便 StackVault 登录。</translation>
    </message>
    <message>
        <source>Delete backup of %1</source>
        <translation>删除 %1 的备份</translation>
    </message>
    <message>
        <source>StackVault has not signed in to the target cloud yet; go back one page and wait for its flavors to load.</source>
        <translation>StackVault 尚未登录目标云；请返回上一页，等待其规格加载完成。</translation>
    </message>
    <message>
        <source>To restore into another project or region, save a cloud for it under Manage Clouds and choose that cloud as the target.</source>
        <translation>要恢复到其他项目或区域，请在“管理云”中为其保存一个云，并选择该云作为目标。</translation>
    </message>
    <message>
        <source>(no project)</source>
        <translation>（无项目）</translation>
    </message>
    <message numerus="yes">
        <source>Signed in to project %1. The cloud offers %n service(s).</source>
        <translation>
            <numerusform>已登录项目 %1。该云提供 %n 项服务。</numerusform>
        </translation>
    </message>
    <message>
        <source>StackVault has not signed in to cloud %1 yet; try again in a moment.</source>
        <translation>StackVault 尚未登录云 %1；请稍后再试。</translation>
    </message>
    <message>
        <source>Keystone does not list this cloud&apos;s projects to these credentials (%1): &quot;All projects&quot; needs a cloud admin&apos;s.</source>
        <translation>Keystone 不向这些凭据列出此云的项目（%1）：“所有项目”需要云管理员的凭据。</translation>
    </message>
    <message>
        <source>Nova does not list other projects&apos; servers to these credentials (%1): they are not a cloud admin&apos;s.</source>
        <translation>Nova 不向这些凭据列出其他项目的服务器（%1）：它们不是云管理员的凭据。</translation>
    </message>
</context>
<context>
    <name>sv::ui::DesktopApp</name>
    <message>
        <source>The saved clouds could not be read.</source>
        <translation>无法读取已保存的云。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Until then, “Include server data” starts checked (the default).</source>
        <translation>在此之前，“包含服务器数据”默认勾选（默认值）。</translation>
    </message>
    <message>
        <source>Until then, every attached volume starts checked (the default).</source>
        <translation>在此之前，所有挂载的卷默认都会被勾选（默认值）。</translation>
    </message>
    <message>
        <source>S3 Secret Key</source>
        <translation>S3 私有密钥</translation>
    </message>
    <message>
        <source>The secret key was not saved: %1</source>
        <translation>私有密钥未保存：%1</translation>
    </message>
</context>
<context>
    <name>sv::ui::Formatting</name>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (boot volume)</source>
        <translation>%1（启动卷）</translation>
    </message>
</context>
<context>
    <name>sv::ui::HelpDialog</name>
    <message>
        <source>StackVault Help</source>
        <translation>StackVault 帮助</translation>
    </message>
    <message>
        <source>Backing up a server</source>
        <translation>备份服务器</translation>
    </message>
    <message>
        <source>Add your cloud under &lt;b&gt;Cloud › Manage Clouds…&lt;/b&gt; (or import a clouds.yaml file). Its servers appear in the tree on the left. Select a server, choose whether to include its data, and click &lt;b&gt;Back Up&lt;/b&gt;. The job appears at the bottom of the window with its progress; you can cancel it at any time.</source>
        <translation>在&lt;b&gt;云 › 管理云…&lt;/b&gt;中添加您的云（或导入 clouds.yaml 文件）。其服务器会显示在左侧的树中。选择一台服务器，决定是否包含其数据，然后点击&lt;b&gt;备份&lt;/b&gt;。任务及其进度会显示在窗口底部；您可以随时取消。</translation>
    </message>
    <message>
        <source>Include server data</source>
        <translation>包含服务器数据</translation>
    </message>
    <message>
        <source>A server started from an image keeps writing to its disk after it boots. With &lt;b&gt;Include server data&lt;/b&gt; turned on, StackVault first takes a snapshot of the server, waits until the snapshot image is ready, and backs up that new image instead of the original one, so the backup contains everything written since boot. The temporary snapshot is deleted afterwards, also when the backup fails or is cancelled.</source>
        <translation>从镜像启动的服务器在启动后会持续向磁盘写入数据。开启&lt;b&gt;包含服务器数据&lt;/b&gt;后，StackVault 会先为服务器创建快照，等待快照镜像就绪，然后备份这个新镜像而不是原始镜像，因此备份包含自启动以来写入的所有内容。之后临时快照会被删除，即使备份失败或被取消也是如此。</translation>
    </message>
    <message>
        <source>With the option turned off, only the original image the server was started from is saved: data written after boot is &lt;b&gt;not&lt;/b&gt; included. This is faster and needs no snapshot, and is enough for servers that keep no data of their own.</source>
        <translation>关闭此选项时，只保存服务器启动所用的原始镜像：启动后写入的数据&lt;b&gt;不&lt;/b&gt;包含在内。这样更快，也不需要快照，适用于不保存自身数据的服务器。</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backup storage</source>
        <translation>备份存储</translation>
    </message>
    <message>
        <source>If StackVault is stopped in the middle of a backup (a crash, a power cut), the snapshot is removed by itself the next time StackVault starts; the Jobs list says what was removed.</source>
        <translation>如果 StackVault 在备份过程中被中断（崩溃、断电），快照会在 StackVault 下次启动时自动删除；任务列表会显示删除了什么。</translation>
    </message>
    <message>
        <source>Quitting while jobs run asks first: &lt;b&gt;Keep Running&lt;/b&gt;, or &lt;b&gt;Cancel Jobs and Quit&lt;/b&gt;. Then StackVault cancels the jobs and waits until each has removed what it made in the cloud (the status bar says “Cleaning up…”; at most a minute), and quits.</source>
        <translation>在有任务运行时退出，StackVault 会先询问：&lt;b&gt;继续运行&lt;/b&gt;，或&lt;b&gt;取消任务并退出&lt;/b&gt;。选择后者时，StackVault 取消这些任务，等待每个任务删除它在云中创建的内容（状态栏显示“正在清理…”；最多一分钟），然后退出。</translation>
    </message>
    <message>
        <source>The option is on by default. Change its default under &lt;b&gt;Settings › Preferences…&lt;/b&gt;, or per backup with the checkbox next to the Back Up button. The setting is stored as &lt;code&gt;enable_server_snapshot&lt;/code&gt; in the &lt;code&gt;[protection]&lt;/code&gt; section of StackVault&apos;s settings file (Karbor&apos;s section &lt;code&gt;[image_backup_plugin]&lt;/code&gt; is read too when &lt;code&gt;[protection]&lt;/code&gt; does not set it); it takes true/false, yes/no, on/off or 1/0. The command line&apos;s &lt;code&gt;--include-data&lt;/code&gt; and &lt;code&gt;--no-include-data&lt;/code&gt; override it for one backup.</source>
        <translation>此选项默认开启。可在&lt;b&gt;设置 › 首选项…&lt;/b&gt;中更改默认值，或在每次备份时使用“备份”按钮旁的复选框。该设置保存在 StackVault 设置文件 &lt;code&gt;[protection]&lt;/code&gt; 节的 &lt;code&gt;enable_server_snapshot&lt;/code&gt; 中（若 &lt;code&gt;[protection]&lt;/code&gt; 未设置，也会读取 Karbor 的 &lt;code&gt;[image_backup_plugin]&lt;/code&gt; 节）；可取 true/false、yes/no、on/off 或 1/0。命令行的 &lt;code&gt;--include-data&lt;/code&gt; 和 &lt;code&gt;--no-include-data&lt;/code&gt; 可在单次备份中覆盖它。</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Each backup says what is known about its disk: &lt;b&gt;original image&lt;/b&gt; (no snapshot was taken), &lt;b&gt;crash-consistent&lt;/b&gt; (a snapshot of a server whose image has no QEMU guest agent: the disk is as after a power cut) or &lt;b&gt;quiesce requested&lt;/b&gt; (the image has the guest agent, so Nova tried to freeze the guest&apos;s file systems for the snapshot). OpenStack does not report whether the freeze happened: Nova goes on without it if it fails, unless the image has &lt;code&gt;os_require_quiesce=yes&lt;/code&gt;, which is then noted.</source>
        <translation>每个备份都会说明其磁盘的已知状态：&lt;b&gt;原始镜像&lt;/b&gt;（未创建快照）、&lt;b&gt;崩溃一致&lt;/b&gt;（服务器的镜像没有 QEMU 客户机代理时的快照：磁盘状态如同断电之后）或&lt;b&gt;已请求静默&lt;/b&gt;（镜像带有客户机代理，因此 Nova 在快照前尝试冻结客户机的文件系统）。OpenStack 不报告冻结是否实际发生：冻结失败时 Nova 会继续进行，除非镜像设置了 &lt;code&gt;os_require_quiesce=yes&lt;/code&gt;，此时会注明。</translation>
    </message>
    <message>
        <source>Open the &lt;b&gt;Backups&lt;/b&gt; tab, select a backup and click &lt;b&gt;Restore…&lt;/b&gt;. The wizard asks for the target cloud and for the new server&apos;s name, flavor, networks, key pair, security groups and availability zone; it suggests the values saved with the backup. A saved cloud belongs to one project and region: to restore into another, save a cloud for it under Manage Clouds.</source>
        <translation>打开&lt;b&gt;备份&lt;/b&gt;标签页，选择一个备份并点击&lt;b&gt;恢复…&lt;/b&gt;。向导会询问目标云，以及新服务器的名称、规格、网络、密钥对、安全组和可用区；它会建议随备份保存的值。已保存的云属于一个项目和区域：要恢复到其他项目或区域，请在“管理云”中为其保存一个云。</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>A server&apos;s attached volumes are listed under it in the tree, with their size and device, and in the details pane with a checkbox each: the pane lists exactly what a backup will contain. With &lt;b&gt;Include server data&lt;/b&gt; on, StackVault snapshots the checked volumes right after the root disk, reads each snapshot through a temporary volume and image, and saves its bytes with the server; the temporary snapshots, volumes and images are deleted afterwards, also when the backup fails or is cancelled, and after a crash the next time StackVault starts.</source>
        <translation>服务器挂载的卷列在树中该服务器下，显示大小和设备；在详细信息窗格中每个卷带一个复选框：窗格准确列出备份将包含的内容。开启&lt;b&gt;包含服务器数据&lt;/b&gt;时，StackVault 在根磁盘之后立即为勾选的卷创建快照，通过临时卷和临时镜像读取每个快照，并将其字节与服务器一起保存；之后会删除临时快照、卷和镜像，备份失败或被取消时也是如此，崩溃后则在 StackVault 下次启动时删除。</translation>
    </message>
    <message>
        <source>Which volumes are checked at first is the setting &lt;code&gt;back_up_volumes&lt;/code&gt; in the &lt;code&gt;[protection]&lt;/code&gt; section: &lt;code&gt;all&lt;/code&gt; (the default), &lt;code&gt;none&lt;/code&gt;, or names and ids separated by commas. The command line&apos;s &lt;code&gt;--volumes&lt;/code&gt; overrides it for one backup.</source>
        <translation>默认勾选哪些卷由 &lt;code&gt;[protection]&lt;/code&gt; 部分的 &lt;code&gt;back_up_volumes&lt;/code&gt; 设置决定：&lt;code&gt;all&lt;/code&gt;（默认）、&lt;code&gt;none&lt;/code&gt;，或以逗号分隔的名称和 ID。命令行的 &lt;code&gt;--volumes&lt;/code&gt; 可对单次备份覆盖此设置。</translation>
    </message>
    <message>
        <source>With the option turned off, no volume is saved (a volume has no original image to fall back on): the checkboxes are disabled and the pane says so. A server that boots from a volume is backed up from snapshots of its volumes, its boot volume always included; without its data it cannot be backed up at all, and the pane says why.</source>
        <translation>关闭此选项时不会保存任何卷（卷没有可供回退的原始镜像）：复选框被禁用，窗格会说明这一点。从卷启动的服务器通过其卷的快照进行备份，始终包含其启动卷；不包含数据时则完全无法备份，窗格会说明原因。</translation>
    </message>
    <message>
        <source>When the backup holds volumes, the wizard lists them and asks whether to restore the server with its volumes or only the volumes. A saved volume type that the target cloud does not have gets the target&apos;s default type, with a warning, unless you choose another of the target&apos;s types.</source>
        <translation>备份包含卷时，向导会列出这些卷，并询问是恢复服务器及其卷，还是仅恢复卷。如果目标云没有某个已保存的卷类型，该卷将使用目标的默认类型并给出警告，除非您选择目标的其他类型。</translation>
    </message>
    <message>
        <source>Backups are stored in a folder on this computer, in a Swift container of a saved cloud, or in an S3 bucket (see Preferences). Data shared between backups is stored only once, so a second backup of an unchanged server takes almost no space. &lt;b&gt;Verify&lt;/b&gt; reads a backup back and checks every piece of it.</source>
        <translation>备份存储在本机的文件夹中、已保存云的 Swift 容器中，或 S3 存储桶中（见首选项）。多个备份共有的数据只存储一次，因此对未变化的服务器进行第二次备份几乎不占空间。&lt;b&gt;验证&lt;/b&gt;会读回备份并检查其中的每一部分。</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>A new backup storage is encrypted: the data of every disk and the description of every backup are sealed with AES-256-GCM under a random key kept in the storage, locked by your passphrase. StackVault asks for the passphrase once (twice for a new storage) and keeps it in the keychain. It cannot be recovered: without it, no backup in that storage can be read. Storage made by an earlier version stays unencrypted and the &lt;b&gt;Backups&lt;/b&gt; tab says so. Add or change passphrases with &lt;code&gt;stackvault-cli key&lt;/code&gt;.</source>
        <translation>新的备份存储会被加密：每块磁盘的数据和每个备份的描述都使用 AES-256-GCM 密封，所用的随机密钥保存在存储中，并由您的口令保护。StackVault 只询问一次口令（新存储询问两次），并将其保存在钥匙串中。口令无法找回：没有它，该存储中的任何备份都无法读取。由早期版本创建的存储保持未加密，&lt;b&gt;备份&lt;/b&gt;标签页会注明这一点。使用 &lt;code&gt;stackvault-cli key&lt;/code&gt; 添加或更改口令。</translation>
    </message>
</context>
<context>
    <name>sv::ui::JobListModel</name>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>sv::ui::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>详细信息(&amp;D)…</translation>
    </message>
    <message>
        <source>Clear &amp;Finished</source>
        <translation>清除已完成(&amp;F)</translation>
    </message>
    <message>
        <source>Job Failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>No further details.</source>
        <translation>没有更多详细信息。</translation>
    </message>
</context>
<context>
    <name>sv::ui::LanguageManager</name>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
</context>
<context>
    <name>sv::ui::MainWindow</name>
    <message>
        <source>StackVault</source>
        <translation>StackVault</translation>
    </message>
    <message>
        <source>Filter servers</source>
        <translation>筛选服务器</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详细信息(&amp;D)</translation>
    </message>
    <message>
        <source>Back&amp;ups</source>
        <translation>备份(&amp;U)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Could not list the backups: %1</source>
        <translation>无法列出备份：%1</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Filter Servers</source>
        <translation>筛选服务器(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back Up Server</source>
        <translation>备份服务器(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore Backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Manage Clouds…</source>
        <translation>管理云(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>StackVault &amp;Help</source>
        <translation>StackVault 帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About StackVault</source>
        <translation>关于 StackVault(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Jobs</source>
        <translation>显示任务(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Cloud</source>
        <translation>云(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>This is not available yet.</source>
        <translation>此功能尚不可用。</translation>
    </message>
    <message>
        <source>Cannot Back Up</source>
        <translation>无法备份</translation>
    </message>
    <message>
        <source>Backing up “%1”…</source>
        <translation>正在备份“%1”…</translation>
    </message>
    <message>
        <source>Cannot Verify</source>
        <translation>无法校验</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>The backup is intact.</source>
        <translation>备份完好无损。</translation>
    </message>
    <message>
        <source>A job failed: %1</source>
        <translation>有任务失败：%1</translation>
    </message>
    <message>
        <source>About StackVault</source>
        <translation>关于 StackVault</translation>
    </message>
    <message>
        <source>&lt;h3&gt;StackVault %1&lt;/h3&gt;&lt;p&gt;Back up OpenStack servers with their data, and restore them into any cloud, project or region.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;StackVault %1&lt;/h3&gt;&lt;p&gt;备份 OpenStack 服务器及其数据，并将其恢复到任意云、项目或区域。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit StackVault?</source>
        <translation>退出 StackVault？</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) still running. Keep them running, or cancel them and quit? When cancelled, a job first removes what it made in the cloud (a backup&apos;s temporary snapshot, a half-made restore); StackVault quits when that is done.</source>
        <translation>
            <numerusform>仍有 %n 个任务正在运行。让它们继续运行，还是取消并退出？任务被取消后会先删除它在云中创建的内容（备份的临时快照、未完成的恢复）；完成后 StackVault 退出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Jobs and Quit</source>
        <translation>取消任务并退出</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
    <message numerus="yes">
        <source>Cleaning up… StackVault quits as soon as the cancelled jobs have removed what they made (at most %n second(s)).</source>
        <translation>
            <numerusform>正在清理… 已取消的任务删除其创建的内容后，StackVault 将立即退出（最多 %n 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Remove Leftovers</source>
        <translation>无法删除残留</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exporting the backup of “%1” to %2…</source>
        <translation>正在将“%1”的备份导出到 %2…</translation>
    </message>
    <message>
        <source>Raw disk image (*.raw *.img)</source>
        <translation>Raw 磁盘映像 (*.raw *.img)</translation>
    </message>
    <message>
        <source>QCOW2 disk image (*.qcow2)</source>
        <translation>QCOW2 磁盘映像 (*.qcow2)</translation>
    </message>
    <message>
        <source>Export Backup of “%1”</source>
        <translation>导出“%1”的备份</translation>
    </message>
    <message numerus="yes">
        <source>Export Backup of “%1” (the root disk; %n volume(s) beside it)</source>
        <translation>
            <numerusform>导出“%1”的备份（根磁盘；旁边另有 %n 个卷）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Test the Restore</source>
        <translation>无法测试恢复</translation>
    </message>
    <message>
        <source>Testing the restore of backup %1…</source>
        <translation>正在测试备份 %1 的恢复…</translation>
    </message>
    <message>
        <source>&amp;Plans</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>Plan %1: </source>
        <translation>计划 %1：</translation>
    </message>
    <message>
        <source>Plan %1 is running: a cancelled run is recorded as cancelled in its history, and its schedule runs it again next time.</source>
        <translation>计划 %1 正在运行：取消的运行会在其历史中记录为已取消，其时间表会在下次再次运行它。</translation>
    </message>
</context>
<context>
    <name>sv::ui::PassphraseDialog</name>
    <message>
        <source>New Encrypted Backup Storage</source>
        <translation>新建加密备份存储</translation>
    </message>
    <message>
        <source>Encrypted Backup Storage</source>
        <translation>加密备份存储</translation>
    </message>
    <message>
        <source>The backup storage %1 is new and will be encrypted. Choose its passphrase. It cannot be recovered: without it, no backup in this storage can be read. StackVault keeps it in the keychain.</source>
        <translation>备份存储 %1 是新的，将被加密。请选择其口令。口令无法找回：没有它，此存储中的任何备份都无法读取。StackVault 会将其保存在钥匙串中。</translation>
    </message>
    <message>
        <source>The backup storage %1 is encrypted. Enter its passphrase; StackVault keeps it in the keychain.</source>
        <translation>备份存储 %1 已加密。请输入其口令；StackVault 会将其保存在钥匙串中。</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>重复(&amp;R)：</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanEditorDialog</name>
    <message>
        <source>Keep everything</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>7 daily, 4 weekly, 6 monthly</source>
        <translation>7 个每日、4 个每周、6 个每月</translation>
    </message>
    <message>
        <source>24 hourly, 7 daily, 4 weekly</source>
        <translation>24 个每小时、7 个每日、4 个每周</translation>
    </message>
    <message>
        <source>14 daily, 8 weekly, 12 monthly, 3 yearly</source>
        <translation>14 个每日、8 个每周、12 个每月、3 个每年</translation>
    </message>
    <message>
        <source>The last 10 backups</source>
        <translation>最近 10 个备份</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Edit Plan “%1”</source>
        <translation>编辑计划“%1”</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>&amp;Save Plan</source>
        <translation>保存计划(&amp;S)</translation>
    </message>
    <message>
        <source>Next runs: %1</source>
        <translation>下次运行：%1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>e.g. nightly-prod</source>
        <translation>例如 nightly-prod</translation>
    </message>
    <message>
        <source>&amp;Enabled (scheduled runs back up; a disabled plan&apos;s scheduled runs do nothing)</source>
        <translation>启用(&amp;E)（按计划运行时备份；已禁用计划的定时运行不执行任何操作）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;hosen servers</source>
        <translation>选定的服务器(&amp;H)</translation>
    </message>
    <message>
        <source>Servers matching a &amp;selector (evaluated at every run: new servers are picked up)</source>
        <translation>匹配选择器的服务器(&amp;S)（每次运行时求值：新服务器会被纳入）</translation>
    </message>
    <message>
        <source>&amp;Add Checked Servers</source>
        <translation>添加勾选的服务器(&amp;A)</translation>
    </message>
    <message>
        <source>any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>any name (wildcards: * ? [abc])</source>
        <translation>任意名称（通配符：* ? [abc]）</translation>
    </message>
    <message>
        <source>Add Se&amp;lector</source>
        <translation>添加选择器(&amp;L)</translation>
    </message>
    <message>
        <source>With &amp;tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Named &amp;like:</source>
        <translation>名称类似(&amp;L)：</translation>
    </message>
    <message>
        <source>Add from cloud:</source>
        <translation>从云添加：</translation>
    </message>
    <message>
        <source>This plan backs up:</source>
        <translation>此计划备份：</translation>
    </message>
    <message>
        <source>A selector: evaluated at every run.</source>
        <translation>选择器：每次运行时求值。</translation>
    </message>
    <message>
        <source>One server, by name or id.</source>
        <translation>单个服务器，按名称或 ID。</translation>
    </message>
    <message>
        <source>No cloud is saved: add one under Cloud → Manage Clouds first.</source>
        <translation>尚未保存云：请先在“云 → 管理云”中添加。</translation>
    </message>
    <message>
        <source>Listing the servers of %1…</source>
        <translation>正在列出 %1 的服务器…</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) in %1 now.</source>
        <translation>
            <numerusform>%1 当前有 %n 台服务器。</numerusform>
        </translation>
    </message>
    <message>
        <source>The servers of %1 could not be listed: %2</source>
        <translation>无法列出 %1 的服务器：%2</translation>
    </message>
    <message>
        <source>%1 — tags: %2</source>
        <translation>%1 — 标签：%2</translation>
    </message>
    <message>
        <source>Choose a cloud.</source>
        <translation>请选择一个云。</translation>
    </message>
    <message>
        <source>No preview: the servers of %1 could not be listed.</source>
        <translation>无预览：无法列出 %1 的服务器。</translation>
    </message>
    <message>
        <source>Cloud %1 does not show servers&apos; tags (its compute API is older than 2.26): a selector with a tag would choose none of its servers.</source>
        <translation>云 %1 不显示服务器标签（其计算 API 早于 2.26）：带标签的选择器不会选中其任何服务器。</translation>
    </message>
    <message>
        <source>Working out which servers match…</source>
        <translation>正在计算匹配的服务器…</translation>
    </message>
    <message>
        <source>No server of %1 matches %2 now (new ones that match will be picked up).</source>
        <translation>%1 当前没有服务器匹配 %2（之后匹配的新服务器会被纳入）。</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) match now:</source>
        <translation>
            <numerusform>当前有 %n 台服务器匹配：</numerusform>
        </translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Include server &amp;data (snapshot each server first)</source>
        <translation>包含服务器数据(&amp;D)（先为每台服务器创建快照）</translation>
    </message>
    <message>
        <source>Every attached volume</source>
        <translation>所有已挂载的卷</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>不含卷</translation>
    </message>
    <message>
        <source>The volumes named below</source>
        <translation>下面指定的卷</translation>
    </message>
    <message>
        <source>names or ids, separated by commas</source>
        <translation>名称或 ID，用逗号分隔</translation>
    </message>
    <message>
        <source>a folder, swift:CLOUD/CONTAINER or s3:PROFILE/BUCKET</source>
        <translation>文件夹、swift:云/容器 或 s3:配置/存储桶</translation>
    </message>
    <message>
        <source>&amp;Volumes:</source>
        <translation>卷(&amp;V)：</translation>
    </message>
    <message>
        <source>Backup &amp;storage:</source>
        <translation>备份存储(&amp;S)：</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>By hand only</source>
        <translation>仅手动</translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Calendar expression (systemd)</source>
        <translation>日历表达式（systemd）</translation>
    </message>
    <message>
        <source>at minute </source>
        <translation>在第 </translation>
    </message>
    <message>
        <source>e.g. Mon..Fri *-*-* 02:00</source>
        <translation>例如 Mon..Fri *-*-* 02:00</translation>
    </message>
    <message>
        <source>Runs only when started with Run Now (or `stackvault-cli plans run`).</source>
        <translation>仅在通过“立即运行”（或 `stackvault-cli plans run`）启动时运行。</translation>
    </message>
    <message>
        <source>Working out the next runs…</source>
        <translation>正在计算下次运行时间…</translation>
    </message>
    <message>
        <source>Retention (applied after every run, to this plan&apos;s backups only)</source>
        <translation>保留策略（每次运行后应用，仅作用于此计划的备份）</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>e.g. 30d or 1y6m</source>
        <translation>例如 30d 或 1y6m</translation>
    </message>
    <message>
        <source>All within</source>
        <translation>全部保留于</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设(&amp;P)：</translation>
    </message>
    <message>
        <source>Every backup of this plan is kept; nothing is ever removed.</source>
        <translation>此计划的每个备份都会保留；不会删除任何备份。</translation>
    </message>
    <message>
        <source>Each server&apos;s backups: %1. The newest backup is never removed.</source>
        <translation>每台服务器的备份：%1。最新的备份永远不会被删除。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> 个同时</translation>
    </message>
    <message>
        <source>Back up &amp;servers:</source>
        <translation>备份服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>Give a calendar expression, or choose another schedule.</source>
        <translation>请填写日历表达式，或选择其他计划时间。</translation>
    </message>
    <message>
        <source>Name the volumes to save, or choose every volume or none.</source>
        <translation>请指定要保存的卷，或选择全部卷或不含卷。</translation>
    </message>
    <message>
        <source>A plan named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的计划已存在。</translation>
    </message>
    <message>
        <source>&amp;Test a restore after each run</source>
        <translation>每次运行后测试恢复(&amp;T)</translation>
    </message>
    <message>
        <source>One backup the run made is restored under a scratch name, waited for until it boots, and removed again; the result is recorded on the backup. A failed test makes the run fail.</source>
        <translation>以临时名称恢复本次运行生成的一个备份，等待其启动后再删除；结果记录在该备份上。测试失败会使本次运行失败。</translation>
    </message>
    <message>
        <source>The server&apos;s own cloud</source>
        <translation>服务器所在的云</translation>
    </message>
    <message>
        <source>e.g. login: (empty: ACTIVE is enough)</source>
        <translation>例如 login:（留空：ACTIVE 即可）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Test &amp;in:</source>
        <translation>测试位置(&amp;I)：</translation>
    </message>
    <message>
        <source>Console &amp;marker:</source>
        <translation>控制台标记(&amp;M)：</translation>
    </message>
    <message>
        <source>Wait at &amp;most:</source>
        <translation>最长等待(&amp;M)：</translation>
    </message>
    <message>
        <source>In &amp;all projects (the cloud&apos;s admin credentials; listed at each run)</source>
        <translation>在所有项目中(&amp;A)（使用云的管理员凭据；每次运行时列出）</translation>
    </message>
    <message>
        <source>No preview for all projects: the servers of every project of %1 are listed when the plan runs (its credentials need the admin role).</source>
        <translation>所有项目无预览：%1 中每个项目的服务器在计划运行时列出（其凭据需要管理员角色）。</translation>
    </message>
    <message>
        <source>Times are local. Unattended runs need the schedule installed: Install Schedule in the Plans view, or `stackvault-cli plans schedule install NAME`.</source>
        <translation>时间为本地时间。无人值守运行需要安装时间表：在计划视图中点击安装时间表，或运行 `stackvault-cli plans schedule install NAME`。</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanFormat</name>
    <message>
        <source>By hand only</source>
        <translation>仅手动</translation>
    </message>
    <message>
        <source>Hourly at minute %1</source>
        <translation>每小时第 %1 分钟</translation>
    </message>
    <message>
        <source>Daily at %1</source>
        <translation>每天 %1</translation>
    </message>
    <message>
        <source>Weekly on %1 at %2</source>
        <translation>每周%1 %2</translation>
    </message>
    <message>
        <source>Calendar: %1</source>
        <translation>日历：%1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>从未运行</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 (%3 of %n server(s) backed up)</source>
        <translation>
            <numerusform>%1 %2（%n 台服务器中已备份 %3 台）</numerusform>
        </translation>
    </message>
    <message>
        <source>No schedule</source>
        <translation>无时间表</translation>
    </message>
    <message>
        <source>Not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>Written, not active (no systemd)</source>
        <translation>已写入，未生效（无 systemd）</translation>
    </message>
    <message>
        <source>Installed, timer %1</source>
        <translation>已安装，定时器 %1</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>Installed, outdated: install again</source>
        <translation>已安装，已过时：请重新安装</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanListModel</name>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Running now…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <source>Not installed: Install Schedule (or `stackvault-cli plans schedule install %1`) makes it run unattended.</source>
        <translation>未安装：安装时间表（或 `stackvault-cli plans schedule install %1`）可使其无人值守运行。</translation>
    </message>
    <message>
        <source>No systemd user instance runs here (%1).</source>
        <translation>此处没有运行 systemd 用户实例（%1）。</translation>
    </message>
    <message>
        <source>Unattended</source>
        <translation>无人值守</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanRunsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Servers backed up</source>
        <translation>已备份的服务器</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlanServerResultsModel</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlansService</name>
    <message>
        <source>runs only when started by hand</source>
        <translation>仅在手动启动时运行</translation>
    </message>
    <message>
        <source>The saved plans could not be read.</source>
        <translation>无法读取已保存的计划。</translation>
    </message>
    <message>
        <source>Plan %1 is running: change it when its run has ended.</source>
        <translation>计划 %1 正在运行：请在运行结束后再修改。</translation>
    </message>
    <message>
        <source>Plan %1 is running: cancel its run first.</source>
        <translation>计划 %1 正在运行：请先取消其运行。</translation>
    </message>
    <message>
        <source>No plan is named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的计划。</translation>
    </message>
    <message>
        <source>Plan %1 is running already.</source>
        <translation>计划 %1 已在运行。</translation>
    </message>
    <message>
        <source>The backup storage %1 of plan %2 cannot be opened: %3</source>
        <translation>无法打开计划 %2 的备份存储 %1：%3</translation>
    </message>
    <message>
        <source>Plan %1 keeps every backup: it has no retention policy to preview. Edit the plan to set one.</source>
        <translation>计划 %1 保留所有备份：没有可预览的保留策略。请编辑计划以设置策略。</translation>
    </message>
    <message>
        <source>The backup storage %1 cannot be opened: %2</source>
        <translation>无法打开备份存储 %1：%2</translation>
    </message>
    <message>
        <source>Plan %1 has its schedule installed under its name: remove it first (Remove Schedule), then rename the plan.</source>
        <translation>计划 %1 的时间表以其名称安装：请先删除它（删除时间表），再重命名计划。</translation>
    </message>
    <message>
        <source>Plan %1 has its schedule installed (a systemd user timer): remove the schedule first (Remove Schedule), then the plan.</source>
        <translation>计划 %1 已安装时间表（systemd 用户定时器）：请先删除时间表（删除时间表），再删除计划。</translation>
    </message>
</context>
<context>
    <name>sv::ui::PlansView</name>
    <message>
        <source>&amp;New Plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>立即运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>取消运行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Preview Retention…</source>
        <translation>预览保留(&amp;P)…</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Plan %1 is running: its servers are in the jobs list below.</source>
        <translation>计划 %1 正在运行：其服务器显示在下方的任务列表中。</translation>
    </message>
    <message numerus="yes">
        <source>Plan %1: %2, %3 of %n server(s) backed up.</source>
        <translation>
            <numerusform>计划 %1：%2，%n 台服务器中已备份 %3 台。</numerusform>
        </translation>
    </message>
    <message>
        <source>No plan yet: New Plan… makes one.</source>
        <translation>尚无计划：点击“新建计划…”创建。</translation>
    </message>
    <message>
        <source>Run history of %1</source>
        <translation>%1 的运行历史</translation>
    </message>
    <message>
        <source>Plan %1 has not run yet.</source>
        <translation>计划 %1 尚未运行。</translation>
    </message>
    <message>
        <source>Plan %1 saved.</source>
        <translation>计划 %1 已保存。</translation>
    </message>
    <message>
        <source>Cannot Run Plan</source>
        <translation>无法运行计划</translation>
    </message>
    <message>
        <source>Remove Plan?</source>
        <translation>移除计划？</translation>
    </message>
    <message>
        <source>Remove plan %1 and its run history? Its backups stay in the backup storage.</source>
        <translation>移除计划 %1 及其运行历史？其备份仍保留在备份存储中。</translation>
    </message>
    <message>
        <source>Cannot Remove Plan</source>
        <translation>无法移除计划</translation>
    </message>
    <message>
        <source>Plan %1 removed; its backups stay in the backup storage.</source>
        <translation>计划 %1 已移除；其备份仍保留在备份存储中。</translation>
    </message>
    <message>
        <source>Remove Plan</source>
        <translation>移除计划</translation>
    </message>
    <message>
        <source>Keep It</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>&amp;Install Schedule</source>
        <translation>安装时间表(&amp;I)</translation>
    </message>
    <message>
        <source>Write the plan&apos;s systemd user timer and enable it, so that the plan runs unattended (as `stackvault-cli plans schedule install`).</source>
        <translation>写入并启用计划的 systemd 用户定时器，使计划无人值守运行（同 `stackvault-cli plans schedule install`）。</translation>
    </message>
    <message>
        <source>Remove Sc&amp;hedule</source>
        <translation>删除时间表(&amp;H)</translation>
    </message>
    <message>
        <source>Disable and delete the plan&apos;s systemd user timer: it runs by hand only.</source>
        <translation>停用并删除计划的 systemd 用户定时器：之后只能手动运行。</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>复制(&amp;Y)</translation>
    </message>
    <message>
        <source>The crontab line is copied: add it with `crontab -e`.</source>
        <translation>crontab 行已复制：请用 `crontab -e` 添加。</translation>
    </message>
    <message>
        <source>No systemd user instance runs here (%1): an installed schedule does not run on its own.</source>
        <translation>此处没有运行 systemd 用户实例（%1）：已安装的时间表不会自行运行。</translation>
    </message>
    <message>
        <source>stackvault-cli was not found, so there is no crontab line either.</source>
        <translation>未找到 stackvault-cli，因此也没有 crontab 行。</translation>
    </message>
    <message>
        <source>To run plan %1 from cron instead, add this line with `crontab -e`:</source>
        <translation>若要改用 cron 运行计划 %1，请用 `crontab -e` 添加此行：</translation>
    </message>
    <message>
        <source>Installing the schedule of plan %1…</source>
        <translation>正在安装计划 %1 的时间表…</translation>
    </message>
    <message>
        <source>Removing the schedule of plan %1…</source>
        <translation>正在删除计划 %1 的时间表…</translation>
    </message>
    <message>
        <source>Cannot Install Schedule of %1</source>
        <translation>无法安装 %1 的时间表</translation>
    </message>
    <message>
        <source>Cannot Remove Schedule of %1</source>
        <translation>无法删除 %1 的时间表</translation>
    </message>
</context>
<context>
    <name>sv::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Include server data by default</source>
        <translation>默认包含服务器数据</translation>
    </message>
    <message>
        <source>Takes a snapshot first so that data written since boot is backed up; otherwise only the original image is saved.</source>
        <translation>先创建快照，以便备份自启动以来写入的数据；否则只保存原始镜像。</translation>
    </message>
    <message>
        <source>A new language is used after StackVault is restarted.</source>
        <translation>新语言将在 StackVault 重启后生效。</translation>
    </message>
    <message>
        <source>&amp;Jobs at the same time:</source>
        <translation>同时运行的任务数(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Backup Storage Folder</source>
        <translation>备份存储文件夹</translation>
    </message>
    <message>
        <source>Local folder</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>Swift container</source>
        <translation>Swift 容器</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>云(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;ontainer:</source>
        <translation>容器(&amp;O)：</translation>
    </message>
    <message>
        <source>The container is created if it does not exist yet.</source>
        <translation>如果容器尚不存在，将自动创建。</translation>
    </message>
    <message>
        <source>Backup &amp;storage:</source>
        <translation>备份存储(&amp;S)：</translation>
    </message>
    <message>
        <source>OK saves the choice above in its place.</source>
        <translation>点击“确定”将以上方的选择替换它。</translation>
    </message>
    <message>
        <source>All attached volumes</source>
        <translation>所有挂载的卷</translation>
    </message>
    <message>
        <source>No volume</source>
        <translation>不备份卷</translation>
    </message>
    <message>
        <source>Only the volumes named below</source>
        <translation>仅下方指定的卷</translation>
    </message>
    <message>
        <source>Names or IDs, separated by commas</source>
        <translation>名称或 ID，以逗号分隔</translation>
    </message>
    <message>
        <source>Checked at first in the details pane when “Include server data” is on; each backup can change it.</source>
        <translation>开启“包含服务器数据”时在详细信息窗格中默认勾选；每次备份都可以更改。</translation>
    </message>
    <message>
        <source>Back up &amp;volumes:</source>
        <translation>备份卷(&amp;V)：</translation>
    </message>
    <message>
        <source>S3 bucket</source>
        <translation>S3 存储桶</translation>
    </message>
    <message>
        <source>https://s3.example.com</source>
        <translation>https://s3.example.com</translation>
    </message>
    <message>
        <source>Path style (host/bucket)</source>
        <translation>路径样式（host/bucket）</translation>
    </message>
    <message>
        <source>Virtual-host style (bucket.host)</source>
        <translation>虚拟主机样式（bucket.host）</translation>
    </message>
    <message>
        <source>Unchanged (kept in the keyring)</source>
        <translation>不变（保存在密钥环中）</translation>
    </message>
    <message>
        <source>Kept in the keyring</source>
        <translation>保存在密钥环中</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Addressing:</source>
        <translation>寻址方式(&amp;A)：</translation>
    </message>
    <message>
        <source>Access &amp;key ID:</source>
        <translation>访问密钥 ID(&amp;K)：</translation>
    </message>
    <message>
        <source>S&amp;ecret key:</source>
        <translation>私有密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>存储桶(&amp;B)：</translation>
    </message>
    <message>
        <source>Give a bucket name (without &apos;/&apos;).</source>
        <translation>请输入存储桶名称（不含 &apos;/&apos;）。</translation>
    </message>
    <message>
        <source>Give the secret key: it is kept in the keyring, never in the settings file.</source>
        <translation>请输入私有密钥：它保存在密钥环中，绝不会写入设置文件。</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreBackupPage</name>
    <message>
        <source>Choose the Backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
    <message>
        <source>&amp;Backup:</source>
        <translation>备份(&amp;B)：</translation>
    </message>
    <message>
        <source>There is no backup to restore yet.</source>
        <translation>还没有可恢复的备份。</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Taken: %1</source>
        <translation>备份时间：%1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>大小：%1</translation>
    </message>
    <message>
        <source>Contents: %1</source>
        <translation>内容：%1</translation>
    </message>
    <message>
        <source>Consistency: %1</source>
        <translation>一致性：%1</translation>
    </message>
    <message>
        <source>Flavor when backed up: %1</source>
        <translation>备份时的规格：%1</translation>
    </message>
    <message>
        <source>Which backup should be restored?</source>
        <translation>要恢复哪个备份？</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreDetailsPage</name>
    <message>
        <source>Server details</source>
        <translation>服务器详情</translation>
    </message>
    <message>
        <source>The restored server gets what the backup saved; change or clear anything here. The key pair and the availability zone are on the previous page.</source>
        <translation>恢复的服务器将获得备份所保存的内容；可在此修改或清除任何一项。密钥对和可用区在上一页。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Fixed IP</source>
        <translation>固定 IP</translation>
    </message>
    <message>
        <source>Security groups</source>
        <translation>安全组</translation>
    </message>
    <message>
        <source>One row per NIC, in order. A blank fixed IP lets the cloud choose; a taken one is replaced by a new address, with a warning. Security groups: names separated by commas.</source>
        <translation>每个网卡一行，按顺序排列。固定 IP 留空则由云选择；已被占用的地址会被新地址替换，并给出警告。安全组：名称以逗号分隔。</translation>
    </message>
    <message>
        <source>&amp;Remove NIC</source>
        <translation>移除网卡(&amp;R)</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>KEY=VALUE, one per line</source>
        <translation>键=值，每行一个</translation>
    </message>
    <message>
        <source>No server group</source>
        <translation>无服务器组</translation>
    </message>
    <message>
        <source>A server group of this name in the target cloud; when there is none, the server is restored outside any group, with a warning.</source>
        <translation>目标云中同名的服务器组；若不存在，服务器将在任何组之外恢复，并给出警告。</translation>
    </message>
    <message>
        <source>&amp;Config drive</source>
        <translation>配置驱动器(&amp;C)</translation>
    </message>
    <message>
        <source>Pass the saved &amp;user data</source>
        <translation>传递保存的用户数据(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;NICs:</source>
        <translation>网卡(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>元数据(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>Server &amp;group:</source>
        <translation>服务器组(&amp;G)：</translation>
    </message>
    <message>
        <source>The backup holds the server&apos;s user data (cloud-init); it is passed to the new server as it was.</source>
        <translation>备份包含服务器的用户数据（cloud-init）；它将原样传递给新服务器。</translation>
    </message>
    <message>
        <source>The cloud did not show the server&apos;s user data when it was backed up (only admins see it), so the backup has none.</source>
        <translation>备份时云没有显示服务器的用户数据（仅管理员可见），因此备份中没有用户数据。</translation>
    </message>
    <message>
        <source>The server had no user data.</source>
        <translation>该服务器没有用户数据。</translation>
    </message>
    <message>
        <source>NIC %1: %2 is not an IP address. Correct it, or clear it to let the cloud choose.</source>
        <translation>网卡 %1：%2 不是 IP 地址。请更正，或清空以由云选择。</translation>
    </message>
    <message>
        <source>Metadata line &quot;%1&quot; is not KEY=VALUE.</source>
        <translation>元数据行“%1”不是 键=值 格式。</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>the cloud chooses the address</source>
        <translation>由云选择地址</translation>
    </message>
    <message>
        <source>fixed IP %1</source>
        <translation>固定 IP %1</translation>
    </message>
    <message>
        <source>no security group</source>
        <translation>无安全组</translation>
    </message>
    <message>
        <source>security groups %1</source>
        <translation>安全组 %1</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreRunPage</name>
    <message>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>You can close this window; the restore also appears in the jobs list.</source>
        <translation>您可以关闭此窗口；恢复任务也会显示在任务列表中。</translation>
    </message>
    <message>
        <source>The restore could not start: %1</source>
        <translation>无法开始恢复：%1</translation>
    </message>
    <message>
        <source>%1 — %2 of %3</source>
        <translation>%1 — %2 / %3</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>，剩余 %1</translation>
    </message>
    <message>
        <source>The server “%1” was restored (ID %2).</source>
        <translation>服务器“%1”已恢复（ID %2）。</translation>
    </message>
    <message>
        <source>Open it in the dashboard</source>
        <translation>在控制面板中打开</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The restore failed: %1
What it had created was removed.</source>
        <translation>恢复失败：%1
已删除其创建的内容。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The restore was cancelled; what it had created was removed.</source>
        <translation>恢复已取消；已删除其创建的内容。</translation>
    </message>
    <message>
        <source>The volumes were restored: %1.</source>
        <translation>卷已恢复：%1。</translation>
    </message>
    <message>
        <source>Volume %1: ID %2, type %3</source>
        <translation>卷 %1：ID %2，类型 %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>The image “%1” was restored (ID %2). No server was started.</source>
        <translation>镜像“%1”已恢复（ID %2）。未启动任何服务器。</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreServerPage</name>
    <message>
        <source>Server Options</source>
        <translation>服务器选项</translation>
    </message>
    <message>
        <source>How should the restored server look? The values saved with the backup are suggested.</source>
        <translation>恢复后的服务器应如何配置？建议使用随备份保存的值。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Flavor:</source>
        <translation>规格(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Key pair:</source>
        <translation>密钥对(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Security groups:</source>
        <translation>安全组(&amp;S)：</translation>
    </message>
    <message>
        <source>%1-restored</source>
        <translation>%1-restored</translation>
    </message>
    <message>
        <source>Asking the target cloud for its flavors, networks and key pairs…</source>
        <translation>正在向目标云查询规格、网络和密钥对…</translation>
    </message>
    <message>
        <source>The target cloud could not be asked: %1
Go back to choose another target, or try again.</source>
        <translation>无法查询目标云：%1
请返回选择其他目标，或重试。</translation>
    </message>
    <message>
        <source>%1 (%2 vCPU, %3 RAM, %4 GB disk)</source>
        <translation>%1（%2 个 vCPU，%3 内存，%4 GB 磁盘）</translation>
    </message>
    <message>
        <source>(no key pair)</source>
        <translation>（无密钥对）</translation>
    </message>
    <message numerus="yes">
        <source>%n flavor(s) hidden: too small for the image (needs %1 GB disk, %2 MiB RAM).</source>
        <translation>
            <numerusform>已隐藏 %n 个规格：对该镜像来说太小（需要 %1 GB 磁盘、%2 MiB 内存）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The target offers no flavor big enough for this backup.</source>
        <translation>目标没有足够大的规格来容纳此备份。</translation>
    </message>
    <message>
        <source>The new server needs a name.</source>
        <translation>新服务器需要一个名称。</translation>
    </message>
    <message>
        <source>The chosen flavor does not exist in the target.</source>
        <translation>所选规格在目标中不存在。</translation>
    </message>
    <message>
        <source>The flavor&apos;s disk (%1 GB) is smaller than the image needs (%2 GB).</source>
        <translation>该规格的磁盘（%1 GB）小于镜像所需（%2 GB）。</translation>
    </message>
    <message>
        <source>The key pair “%1” does not exist in the target.</source>
        <translation>密钥对“%1”在目标中不存在。</translation>
    </message>
    <message>
        <source>As saved with the backup</source>
        <translation>与备份中保存的相同</translation>
    </message>
    <message>
        <source>Saved with the backup but not found in the target, so not chosen: %1.</source>
        <translation>已随备份保存，但目标中不存在，因此未选择：%1。</translation>
    </message>
    <message>
        <source>The chosen network does not exist in the target.</source>
        <translation>所选网络在目标中不存在。</translation>
    </message>
    <message>
        <source>The security group “%1” does not exist in the target.</source>
        <translation>安全组“%1”在目标中不存在。</translation>
    </message>
    <message>
        <source>Check every network the server should have a port on (in this order). None checked: no network.</source>
        <translation>勾选服务器应在其中拥有端口的每个网络（按此顺序）。都不勾选：无网络。</translation>
    </message>
    <message>
        <source>Let the cloud choose</source>
        <translation>由云选择</translation>
    </message>
    <message>
        <source>Net&amp;works:</source>
        <translation>网络(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Availability zone:</source>
        <translation>可用区(&amp;A)：</translation>
    </message>
    <message>
        <source>The backed-up server ran in zone %1.</source>
        <translation>被备份的服务器运行在可用区 %1。</translation>
    </message>
    <message>
        <source>As saved with the backup: %1</source>
        <translation>按备份中保存的：%1</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Check the choices, then click Restore.</source>
        <translation>请检查所选内容，然后点击“恢复”。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Backup: %1 from %2 (%3)</source>
        <translation>备份：%1，%2（%3）</translation>
    </message>
    <message>
        <source>with data</source>
        <translation>包含数据</translation>
    </message>
    <message>
        <source>original image only</source>
        <translation>仅原始镜像</translation>
    </message>
    <message>
        <source>Target: cloud %1, project %2, region %3</source>
        <translation>目标：云 %1，项目 %2，区域 %3</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>New server: %1</source>
        <translation>新服务器：%1</translation>
    </message>
    <message>
        <source>Flavor: %1</source>
        <translation>规格：%1</translation>
    </message>
    <message>
        <source>Key pair: %1</source>
        <translation>密钥对：%1</translation>
    </message>
    <message>
        <source>Security groups: %1</source>
        <translation>安全组：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>StackVault creates a new image from the backup, checks every byte against the saved checksums, and starts the new server from it. The backed-up server is not changed.</source>
        <translation>StackVault 会从备份创建一个新镜像，根据保存的校验和检查每个字节，然后用它启动新服务器。被备份的服务器不会被更改。</translation>
    </message>
    <message>
        <source>Networks: %1</source>
        <translation>网络：%1</translation>
    </message>
    <message>
        <source>as saved with the backup</source>
        <translation>按备份中保存的</translation>
    </message>
    <message>
        <source>(no network)</source>
        <translation>（无网络）</translation>
    </message>
    <message>
        <source>Availability zone: %1</source>
        <translation>可用区：%1</translation>
    </message>
    <message>
        <source>(the cloud chooses)</source>
        <translation>（由云选择）</translation>
    </message>
    <message>
        <source>Only the volumes are restored; no server is started.</source>
        <translation>仅恢复卷；不启动服务器。</translation>
    </message>
    <message>
        <source>Volumes:</source>
        <translation>卷：</translation>
    </message>
    <message>
        <source>%1, type %2 → %3</source>
        <translation>%1，类型 %2 → %3</translation>
    </message>
    <message>
        <source>%1, type %2</source>
        <translation>%1，类型 %2</translation>
    </message>
    <message>
        <source>StackVault creates a new volume from each saved one and checks every byte against the saved checksums. The backed-up server and its volumes are not changed.</source>
        <translation>StackVault 根据每个已保存的卷创建一个新卷，并按保存的校验和检查每个字节。被备份的服务器及其卷不会被更改。</translation>
    </message>
    <message>
        <source>StackVault restores the server&apos;s disk and a new volume from each saved one, checks every byte against the saved checksums, and starts the new server with the volumes in their saved order. The backed-up server and its volumes are not changed.</source>
        <translation>StackVault 恢复服务器的磁盘，并根据每个已保存的卷创建一个新卷，按保存的校验和检查每个字节，然后按保存的顺序带着这些卷启动新服务器。被备份的服务器及其卷不会被更改。</translation>
    </message>
    <message>
        <source>New image: %1</source>
        <translation>新镜像：%1</translation>
    </message>
    <message>
        <source>Only the image is restored, into the cloud&apos;s image service, with the disk format and properties saved in the backup. No server is started and no volume is made.</source>
        <translation>仅将镜像恢复到云的镜像服务中，使用备份中保存的磁盘格式和属性。不启动服务器，也不创建卷。</translation>
    </message>
    <message numerus="yes">
        <source>The %n volume(s) saved in the backup are not restored.</source>
        <translation>
            <numerusform>备份中保存的 %n 个卷不会被恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>StackVault uploads the image from the backup, checks every byte against the saved checksums and compares the image service&apos;s checksum with the saved one. The backed-up server is not changed.</source>
        <translation>StackVault 从备份上传镜像，按保存的校验和检查每个字节，并将镜像服务的校验和与保存的校验和进行比较。被备份的服务器不会被更改。</translation>
    </message>
    <message>
        <source>NICs: (no network)</source>
        <translation>网卡：（无网络）</translation>
    </message>
    <message>
        <source>NICs:</source>
        <translation>网卡：</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>元数据：%1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>描述：%1</translation>
    </message>
    <message>
        <source>Server group: %1</source>
        <translation>服务器组：%1</translation>
    </message>
    <message>
        <source>Config drive: %1</source>
        <translation>配置驱动器：%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>User data: %1</source>
        <translation>用户数据：%1</translation>
    </message>
    <message>
        <source>passed as saved</source>
        <translation>按备份传递</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>不传递</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreTargetPage</name>
    <message>
        <source>Choose the Target</source>
        <translation>选择目标</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>云(&amp;C)：</translation>
    </message>
    <message>
        <source>The project and region are those of the saved cloud. To restore into another project or region, save a cloud for it under Manage Clouds and choose it here.</source>
        <translation>项目和区域取自已保存的云。要恢复到其他项目或区域，请在“管理云”中为其保存一个云，然后在此选择它。</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>(the cloud&apos;s default)</source>
        <translation>（云的默认值）</translation>
    </message>
    <message>
        <source>Where should the backup be restored, and what should be made there? Any saved cloud can be the target.</source>
        <translation>备份应恢复到哪里，在那里创建什么？任何已保存的云都可以作为目标。</translation>
    </message>
    <message>
        <source>Restore a &amp;server (with the volumes saved in the backup)</source>
        <translation>恢复服务器(&amp;S)（连同备份中保存的卷）</translation>
    </message>
    <message>
        <source>Restore &amp;only the image, into the cloud&apos;s image service</source>
        <translation>仅将镜像恢复到云的镜像服务(&amp;O)</translation>
    </message>
    <message>
        <source>Creates one image with the backup&apos;s disk and its saved properties (disk format, firmware, disk bus, …). No server is started and no volume is made.</source>
        <translation>用备份的磁盘及其保存的属性（磁盘格式、固件、磁盘总线…）创建一个镜像。不启动服务器，也不创建卷。</translation>
    </message>
    <message>
        <source>Image &amp;name:</source>
        <translation>镜像名称(&amp;N)：</translation>
    </message>
    <message>
        <source>What to restore:</source>
        <translation>要恢复的内容：</translation>
    </message>
    <message>
        <source>This backup&apos;s server booted from a volume, so the backup holds no image of its own: restore the server, or only its volumes.</source>
        <translation>此备份的服务器从卷启动，因此备份中没有自己的镜像：请恢复服务器，或仅恢复其卷。</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>StackVault cannot sign in to %1: %2</source>
        <translation>StackVault 无法登录 %1：%2</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreVolumesPage</name>
    <message>
        <source>Volumes</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>The backup holds these volumes. Restore them with the server, or only the volumes.</source>
        <translation>备份包含以下卷。可与服务器一起恢复，或仅恢复卷。</translation>
    </message>
    <message>
        <source>Restore the server and its &amp;volumes</source>
        <translation>恢复服务器及其卷(&amp;V)</translation>
    </message>
    <message>
        <source>Restore &amp;only the volumes</source>
        <translation>仅恢复卷(&amp;O)</translation>
    </message>
    <message>
        <source>Creates the volumes in the target, not attached to any server; no server is started.</source>
        <translation>在目标中创建这些卷，不挂载到任何服务器；不启动服务器。</translation>
    </message>
    <message>
        <source>Volume types</source>
        <translation>卷类型</translation>
    </message>
    <message>
        <source>%1, type %2</source>
        <translation>%1，类型 %2</translation>
    </message>
    <message>
        <source>Asking the target cloud for its volume types…</source>
        <translation>正在向目标云查询其卷类型…</translation>
    </message>
    <message>
        <source>The target&apos;s volume types could not be listed: %1
Each volume gets its saved type where the target has it, otherwise the target&apos;s default type.</source>
        <translation>无法列出目标的卷类型：%1
目标有已保存的类型时每个卷使用该类型，否则使用目标的默认类型。</translation>
    </message>
    <message>
        <source>The target has every saved volume type; each volume keeps its type.</source>
        <translation>目标具有所有已保存的卷类型；每个卷保留其类型。</translation>
    </message>
    <message>
        <source>The target has no volume type %1. Volumes of a missing type get the target&apos;s default type unless you choose another one here.</source>
        <translation>目标没有卷类型 %1。缺失类型的卷将使用目标的默认类型，除非您在此选择其他类型。</translation>
    </message>
    <message>
        <source>The target&apos;s default type</source>
        <translation>目标的默认类型</translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
</context>
<context>
    <name>sv::ui::RestoreWizard</name>
    <message>
        <source>Restore a Backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>sv::ui::RetentionPreviewDialog</name>
    <message>
        <source>Retention of Plan “%1”</source>
        <translation>计划“%1”的保留</translation>
    </message>
    <message>
        <source>Reading the backups of plan %1…</source>
        <translation>正在读取计划 %1 的备份…</translation>
    </message>
    <message>
        <source>Plan %1 has no backups in its backup storage yet: nothing to keep or remove.</source>
        <translation>计划 %1 在备份存储中还没有备份：没有需要保留或删除的内容。</translation>
    </message>
    <message>
        <source>Applied now, the policy (%1) would keep %2 of plan %3&apos;s backups and remove %4. This preview removes nothing; the policy is applied after each run.</source>
        <translation>如果现在应用，策略（%1）将保留计划 %3 的 %2 个备份并删除 %4 个。此预览不会删除任何内容；策略在每次运行后应用。</translation>
    </message>
</context>
<context>
    <name>sv::ui::RetentionPreviewModel</name>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>not counted (status %1)</source>
        <translation>不计入（状态 %1）</translation>
    </message>
    <message>
        <source>no rule keeps it</source>
        <translation>没有规则保留它</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>sv::ui::ServerDetailsWidget</name>
    <message>
        <source>Select a server to see its details.</source>
        <translation>选择一台服务器以查看其详细信息。</translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation>云：</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Flavor:</source>
        <translation>规格：</translation>
    </message>
    <message>
        <source>Boot image:</source>
        <translation>启动镜像：</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Addresses:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>上次备份：</translation>
    </message>
    <message>
        <source>Include server data</source>
        <translation>包含服务器数据</translation>
    </message>
    <message>
        <source>&amp;Back Up</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Not loaded yet</source>
        <translation>尚未加载</translation>
    </message>
    <message>
        <source>None (boots from a volume)</source>
        <translation>无（从卷启动）</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>StackVault could not load the servers of the cloud “%1”:
%2</source>
        <translation>StackVault 无法加载云“%1”的服务器：
%2</translation>
    </message>
    <message>
        <source>The server is busy (%1). Wait until it has finished, then try again.</source>
        <translation>服务器正忙（%1）。请等待其完成后再试。</translation>
    </message>
    <message>
        <source>A server can be backed up when it is active, shut off, paused or suspended; this one is “%1”.</source>
        <translation>服务器处于运行、关机、暂停或挂起状态时才能备份；此服务器的状态为“%1”。</translation>
    </message>
    <message>
        <source>Takes snapshots first so that data written since boot is backed up, on the root disk and on the chosen volumes; otherwise only the original image is saved.</source>
        <translation>先创建快照，以便备份启动后写入根磁盘和所选卷的数据；否则只保存原始镜像。</translation>
    </message>
    <message>
        <source>The backup contains</source>
        <translation>备份包含</translation>
    </message>
    <message>
        <source>Check the volumes to back up with the server.</source>
        <translation>勾选要与服务器一起备份的卷。</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>The server boots from a volume: its boot volume is saved with a snapshot, like the other volumes checked below.</source>
        <translation>该服务器从卷启动：其启动卷通过快照保存，与下方勾选的其他卷相同。</translation>
    </message>
    <message>
        <source>Root disk: a snapshot of the running server (data written since boot included).</source>
        <translation>根磁盘：运行中服务器的快照（包含启动后写入的数据）。</translation>
    </message>
    <message>
        <source>Root disk: the original image %1 (data written since boot NOT included).</source>
        <translation>根磁盘：原始镜像 %1（不包含启动后写入的数据）。</translation>
    </message>
    <message>
        <source>Without server data nothing of this server can be saved: it boots from a volume, and a volume has no original image.</source>
        <translation>不包含服务器数据时，此服务器的任何内容都无法保存：它从卷启动，而卷没有原始镜像。</translation>
    </message>
    <message>
        <source>With “Include server data” off, only the original image is saved; no volume is backed up.</source>
        <translation>关闭“包含服务器数据”时只保存原始镜像；不备份任何卷。</translation>
    </message>
    <message>
        <source>No volume is attached.</source>
        <translation>未挂载任何卷。</translation>
    </message>
    <message>
        <source>“%1” boots from a volume and cannot be backed up without its data: there is no original image to save. Turn on “Include server data” to back it up from snapshots of its volumes.</source>
        <translation>“%1”从卷启动，不包含数据时无法备份：没有可保存的原始镜像。请开启“包含服务器数据”，以通过其卷的快照进行备份。</translation>
    </message>
</context>
<context>
    <name>sv::ui::ServerStatus</name>
    <message>
        <source>Active</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>正在构建</translation>
    </message>
    <message>
        <source>Rebooting</source>
        <translation>正在重启</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>Rescue mode</source>
        <translation>救援模式</translation>
    </message>
    <message>
        <source>Resizing</source>
        <translation>正在调整大小</translation>
    </message>
    <message>
        <source>Migrating</source>
        <translation>正在迁移</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>sv::ui::TestRestoreDialog</name>
    <message>
        <source>Test Restore of “%1”</source>
        <translation>测试恢复“%1”</translation>
    </message>
    <message>
        <source>Proves that the backup of %1 from %2 boots: StackVault restores it under a scratch name (stackvault-restore-test-…) in the chosen cloud, with the flavor, networks and key pair saved in the backup, waits until the server is ACTIVE and, with a marker, until its console log shows the marker. Then it deletes everything the test made, whatever the outcome, and records the result in the backup.</source>
        <translation>证明 %1 于 %2 的备份可以启动：StackVault 在所选云中以临时名称（stackvault-restore-test-…）恢复它，使用备份中保存的规格、网络和密钥对，等待服务器变为 ACTIVE；若指定了标记，还会等待其控制台日志显示该标记。之后无论结果如何，都会删除测试创建的所有内容，并在备份中记录结果。</translation>
    </message>
    <message>
        <source>optional, e.g. login:</source>
        <translation>可选，例如 login:</translation>
    </message>
    <message>
        <source>Text the server&apos;s console log must show (read with the compute API&apos;s console output). Empty: the server becoming ACTIVE is enough.</source>
        <translation>服务器控制台日志必须显示的文本（通过计算 API 的控制台输出读取）。留空：服务器变为 ACTIVE 即可。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long to wait for the marker once the server is ACTIVE.</source>
        <translation>服务器变为 ACTIVE 后等待标记的时长。</translation>
    </message>
    <message>
        <source>&amp;Start Test</source>
        <translation>开始测试(&amp;S)</translation>
    </message>
    <message>
        <source>No cloud is saved: add one under Manage Clouds first.</source>
        <translation>尚未保存任何云：请先在“管理云”中添加一个。</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>云(&amp;C)：</translation>
    </message>
    <message>
        <source>Console &amp;marker:</source>
        <translation>控制台标记(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Wait for the marker:</source>
        <translation>等待标记(&amp;W)：</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <source>StackVault cannot sign in to %1: %2</source>
        <translation>StackVault 无法登录 %1：%2</translation>
    </message>
</context>
</TS>
