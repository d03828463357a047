package com.example.leakdemo.incident001;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.PropertyNamingStrategy;
import com.alibaba.fastjson.serializer.SerializeConfig;

/**
 * Incident 001 (a 16 GB container filled by Metaspace, not heap): every call made a new fastjson
 * SerializeConfig, and every new SerializeConfig generated a new ASM serializer class for the same
 * bean, loaded by the application class loader and never unloaded.
 */
public class WcsDataBuilder {

  /** Returns the bean as JSON with snake_case field names. */
  public static String buildData(Object bean) {
    try {
      SerializeConfig CONFIG = new SerializeConfig();
      CONFIG.propertyNamingStrategy = PropertyNamingStrategy.SnakeCase;
      return JSON.toJSONString(bean, CONFIG);
    } catch (Exception e) {
      return null;
    }
  }
}
