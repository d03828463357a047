package com.example.leakdemo.incident002;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import java.io.InputStream;

/**
 * Incident 002, fixed: the client is shut down on every path out of the upload. (One client shared
 * by the whole service, shut down when the service stops, is better still.) No finding.
 */
public class OssUploadServiceFixed {

  private final String endpoint;
  private final String accessKeyId;
  private final String accessKeySecret;
  private final String bucketName;

  public OssUploadServiceFixed(
      String endpoint, String accessKeyId, String accessKeySecret, String bucketName) {
    this.endpoint = endpoint;
    this.accessKeyId = accessKeyId;
    this.accessKeySecret = accessKeySecret;
    this.bucketName = bucketName;
  }

  /** Uploads one object and returns its URL. */
  public String upload(String objectName, InputStream input) {
    OSS ossClient = new OSSClientBuilder().build(endpoint, accessKeyId, accessKeySecret);
    try {
      ossClient.putObject(bucketName, objectName, input);
      return "https://" + bucketName + "." + endpoint + "/" + objectName;
    } finally {
      ossClient.shutdown();
    }
  }
}
