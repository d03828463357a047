package com.example.leakdemo.incident002;

import com.aliyun.oss.OSSClient;
import java.io.InputStream;

/**
 * Incident 002 (Tomcat dies; "a thread named [idle_connection_reaper] ... is very likely to create a
 * memory leak"): every upload built a new OSSClient and never called shutdown(), so the SDK's static
 * IdleConnectionReaper kept every client's connection manager, and its memory, forever.
 */
public class OssUploadService {

  private final String endpoint;
  private final String accessKeyId;
  private final String accessKeySecret;
  private final String bucketName;

  public OssUploadService(
      String endpoint, String accessKeyId, String accessKeySecret, String bucketName) {
    this.endpoint = endpoint;
    this.accessKeyId = accessKeyId;
    this.accessKeySecret = accessKeySecret;
    this.bucketName = bucketName;
  }

  /** Uploads one object and returns its URL. */
  @SuppressWarnings("deprecation") // the incident's code used the old OSSClient constructor
  public String upload(String objectName, InputStream input) {
    OSSClient ossClient = new OSSClient(endpoint, accessKeyId, accessKeySecret);
    ossClient.putObject(bucketName, objectName, input);
    return "https://" + bucketName + "." + endpoint + "/" + objectName;
  }
}
